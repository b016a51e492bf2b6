import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { MemberPointsDto } from '@peakplan/contracts';
import { switchMap } from 'rxjs';

import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { AuthService } from '../../core/auth/auth.service';
import { calendarDateIn } from '../../core/dates/date-range';
import { formatNumber } from '../../core/format/organisation-format';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';
import { ManagementApi } from '../management-api.service';
import { departmentPointsSummary } from './department-points';

/** A manager's department: each pool member's recognition points this year (or another) and balance. */
@Component({
  selector: 'pp-department-points-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Management</p>
      <h1>Recognition points</h1>
      <p class="lead">
        What {{ department() }}'s pool members earned for their help at the peaks: hours weighted by how
        critical and how hard they were, quality, and grants. Members see their own points, never this list.
      </p>
    </header>

    <section class="card" aria-labelledby="points-heading">
      <h2 id="points-heading">Points per member</h2>
      <label class="field year">
        Year
        <select name="year" aria-label="Year" (change)="year.set(numberOf($event))">
          @for (option of years; track option) {
            <option [value]="option" [selected]="option === year()">{{ option }}</option>
          }
        </select>
      </label>
      @switch (points().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the points…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(points()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (rows().length === 0) {
            <p class="empty">No member of {{ department() }} earned points in {{ year() }}.</p>
          } @else {
            <p class="muted" data-testid="points-summary">{{ summary() }}</p>
            <div class="scroll">
              <table class="table" aria-labelledby="points-heading">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col" class="number">Points {{ year() }}</th>
                    <th scope="col" class="number">Balance</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of rows(); track row.memberId) {
                    <tr>
                      <th scope="row">{{ row.name }}</th>
                      <td class="number">{{ number(row.year) }}</td>
                      <td class="number">{{ number(row.balance) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      }
    </section>
  `,
  styles: `
    .year {
      max-width: 10rem;
      margin-bottom: 0.75rem;
    }
    .scroll {
      overflow-x: auto;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentPointsPage {
  private readonly api = inject(ManagementApi);
  private readonly user = inject(AuthService).user;
  private readonly thisYear = Number(
    calendarDateIn(new Date(), inject(OrganisationSettings).timeZone()).slice(0, 4),
  );
  protected readonly years = [this.thisYear, this.thisYear - 1, this.thisYear - 2];
  protected readonly year = signal(this.thisYear);
  protected readonly department = computed(() => this.user()?.department ?? 'your department');

  protected readonly points = toSignal(
    toObservable(this.year).pipe(
      switchMap((year) => toLoadState(this.api.departmentPoints(year), 'loading the points')),
    ),
    { initialValue: LOADING as LoadState<MemberPointsDto[]> },
  );
  protected readonly rows = computed(() => {
    const state = this.points();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly summary = computed(() => departmentPointsSummary(this.rows()));

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected numberOf(event: Event): number {
    return Number((event.target as HTMLSelectElement).value);
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
