import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DepartmentBookingDto } from '@peakplan/contracts';

import type { LoadState } from '../../core/api/load-state';
import { formatCalendarDate } from '../../core/format/organisation-format';
import { bookingsByDay, bookingStatusText } from './approval-text';

/** Who of the manager's department is booked on which pool shift to come, day by day. */
@Component({
  selector: 'pp-department-bookings',
  template: `
    <section class="card" aria-labelledby="bookings-heading">
      <h2 id="bookings-heading">Who of your department is booked when</h2>
      @switch (bookings().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the bookings…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorText() }}</p>
          </div>
        }
        @case ('ready') {
          @if (days().length === 0) {
            <p class="empty">Nobody of your department holds or waits for a pool shift to come.</p>
          }
          @for (day of days(); track day.date) {
            <h3>
              {{ dayLabel(day.date) }}
              <span class="muted count"
                >· {{ day.confirmedPeople }} {{ day.confirmedPeople === 1 ? 'person' : 'people' }} away</span
              >
            </h3>
            <ul class="bookings" [attr.aria-label]="'Bookings on ' + dayLabel(day.date)">
              @for (booking of day.bookings; track booking.signUpId) {
                <li data-testid="booking">
                  <span class="hours">{{ booking.start }}–{{ booking.end }}</span>
                  <strong>{{ booking.member }}</strong>
                  <span class="muted">{{ booking.skill }}{{ booking.peak ? ' · ' + booking.peak : '' }}</span>
                  <span class="tag" [class.ok]="booking.status === 'confirmed'">{{
                    bookingStatus(booking)
                  }}</span>
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .alert {
      margin-bottom: 1rem;
    }
    .tag.ok {
      background: #dcfce7;
      color: #166534;
    }
    h3 {
      font-size: 0.95rem;
      margin: 1rem 0 0.4rem;
    }
    .count {
      font-weight: 400;
    }
    .bookings {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .bookings li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      align-items: baseline;
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--border);
      overflow-wrap: anywhere;
    }
    .hours {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentBookingsComponent {
  readonly bookings = input.required<LoadState<DepartmentBookingDto[]>>();

  protected readonly days = computed(() => {
    const state = this.bookings();
    return state.status === 'ready' ? bookingsByDay(state.value) : [];
  });
  protected readonly errorText = computed(() => {
    const state = this.bookings();
    return state.status === 'error' ? state.message : '';
  });

  protected bookingStatus(booking: DepartmentBookingDto): string {
    return bookingStatusText(booking);
  }

  protected dayLabel(date: string): string {
    return formatCalendarDate(date, 'long');
  }
}
