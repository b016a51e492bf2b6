import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { EventDto } from '@peakplan/contracts';

import { formatCalendarDate } from '../core/format/organisation-format';
import { describeEventRule, upcomingOccurrences } from './event-rule-text';

/** The events as a table: each rule in words and its next date, Edit and a two-step Retire. */
@Component({
  selector: 'pp-event-table',
  template: `
    <div class="table-scroll">
      <table class="table" aria-label="Events">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date rule</th>
            <th scope="col">Window</th>
            <th scope="col">Applies to</th>
            <th scope="col">Next date</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (event of events(); track event.id) {
            <tr data-testid="event-row" [class.retired]="event.retiredAt">
              <th scope="row">
                {{ event.name }}
                @if (event.retiredAt) {
                  <span class="tag">retired</span>
                }
              </th>
              <td>{{ ruleText(event) }}</td>
              <td>{{ event.windowBefore }} days before · {{ event.windowAfter }} after</td>
              <td>{{ event.region ?? event.country ?? 'everywhere' }}</td>
              <td>{{ nextDate(event) }}</td>
              <td class="actions">
                @if (!event.retiredAt) {
                  <button
                    type="button"
                    class="button secondary"
                    (click)="edit.emit(event)"
                    [attr.aria-label]="'Edit event ' + event.name"
                  >
                    Edit
                  </button>
                  @if (confirmRetire() === event.id) {
                    <button type="button" class="button danger" (click)="retire.emit(event)">
                      Confirm retire
                    </button>
                  } @else {
                    <button
                      type="button"
                      class="button secondary"
                      (click)="askRetire.emit(event)"
                      [attr.aria-label]="'Retire event ' + event.name"
                    >
                      Retire
                    </button>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      white-space: nowrap;
      display: flex;
      gap: 0.4rem;
      justify-content: flex-end;
    }
    tr.retired {
      color: var(--text-muted);
    }
    .button.danger {
      background: var(--danger);
      color: #fff;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventTableComponent {
  readonly events = input.required<EventDto[]>();
  /** The organisation's today: the next date is the first on or after it. */
  readonly today = input.required<string>();
  /** The id of the row whose Retire was pressed once (it then asks for a confirmation). */
  readonly confirmRetire = input<string | null>(null);
  readonly edit = output<EventDto>();
  readonly askRetire = output<EventDto>();
  readonly retire = output<EventDto>();

  protected ruleText(event: EventDto): string {
    return describeEventRule(event.rule);
  }

  protected nextDate(event: EventDto): string {
    const [next] = upcomingOccurrences(
      event.rule,
      event.windowBefore,
      event.windowAfter,
      this.today(),
      1,
    ).occurrences;
    return next ? formatCalendarDate(next.date) : 'none ahead';
  }
}
