import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import type { PlanCoverageDto } from '@peakplan/contracts';

import { PlanCoverageChartComponent } from '../charts/plan-coverage-chart/plan-coverage-chart.component';
import { formatCalendarDate, formatNumber, formatPercent } from '../core/format/organisation-format';
import { coverageDates, coverageDay } from './coverage-view';

/**
 * How the published plan fills, for one queue: a day picker, the chart (gap, places, confirmed per
 * interval) and the same numbers as a table. Presentational: the page loads and refreshes `coverage`.
 */
@Component({
  selector: 'pp-plan-coverage-panel',
  imports: [PlanCoverageChartComponent],
  template: `
    @if (dates().length === 0) {
      <p class="empty">No interval of {{ queue() }} has a pool gap or a published place.</p>
    } @else {
      <div class="toolbar">
        <label class="field">
          Day
          <select name="coverageDay" [value]="date()" (change)="date.set(value($event))">
            @for (option of dates(); track option) {
              <option [value]="option" [selected]="option === date()">{{ dateText(option) }}</option>
            }
          </select>
        </label>
        <dl class="figures" aria-label="Coverage of the day">
          <div class="figure">
            <dt>Gap filled by confirmed members</dt>
            <dd class="value" data-testid="coverage-filled">{{ percent(day().filledShare) }}</dd>
          </div>
          <div class="figure">
            <dt>Confirmed / places / gap (agent-intervals)</dt>
            <dd class="value" data-testid="coverage-totals">
              {{ number(day().totals.confirmed) }} / {{ number(day().totals.published) }} /
              {{ number(day().totals.poolGap) }}
            </dd>
          </div>
          <div class="figure">
            <dt>Intervals still short</dt>
            <dd class="value">{{ number(day().intervalsShort) }} of {{ number(day().rows.length) }}</dd>
          </div>
        </dl>
      </div>
      <pp-plan-coverage-chart
        [rows]="day().rows"
        [title]="'Coverage of ' + queue() + ' on ' + dateText(date())"
        [timeZone]="timeZone()"
      />
      <details class="coverage-table">
        <summary>Coverage per interval as a table</summary>
        <div class="table-scroll">
          <table class="table" aria-label="Coverage per interval" data-testid="coverage-table">
            <thead>
              <tr>
                <th scope="col">Interval ({{ timeZone() }})</th>
                <th scope="col" class="number">Pool gap (agents)</th>
                <th scope="col" class="number">Places published</th>
                <th scope="col" class="number">Confirmed</th>
                <th scope="col" class="number">Short</th>
              </tr>
            </thead>
            <tbody>
              @for (row of day().rows; track row.start) {
                <tr [class.short]="row.short > 0">
                  <th scope="row">{{ row.time }}</th>
                  <td class="number">{{ row.poolGap }}</td>
                  <td class="number">{{ row.published }}</td>
                  <td class="number">{{ row.confirmed }}</td>
                  <td class="number">{{ row.short }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    }
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1.5rem;
      margin-bottom: 0.75rem;
    }
    .figures {
      --figure-min: 10rem;
      flex: 1 1 30rem;
      margin: 0;
    }
    .coverage-table {
      margin-top: 0.75rem;
    }
    tr.short td:last-child {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanCoveragePanelComponent {
  readonly coverage = input.required<PlanCoverageDto>();
  readonly queue = input.required<string>();
  readonly timeZone = input.required<string>();

  protected readonly dates = computed(() => coverageDates(this.coverage().intervals, this.queue()));
  /** The day shown: the first day of the plan, kept across refreshes while it still has coverage. */
  protected readonly date = linkedSignal<string[], string>({
    source: this.dates,
    computation: (dates, previous) =>
      previous && dates.includes(previous.value) ? previous.value : (dates[0] ?? ''),
  });
  protected readonly day = computed(() => coverageDay(this.coverage().intervals, this.queue(), this.date()));

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected dateText(value: string): string {
    return formatCalendarDate(value, 'long');
  }

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, 0);
  }
}
