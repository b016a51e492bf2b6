import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PeakReviewSummaryDto } from '@peakplan/contracts';

import { formatNumber } from '../../core/format/organisation-format';
import { forecastGap, formatShare, peakYears } from './peak-review-chart-data';

/** Every reviewed peak, year by year: contacts, the gap to the plan's forecast and the service level. */
@Component({
  selector: 'pp-peak-years-table',
  template: `
    <div class="scroll">
      <table class="table" aria-label="Every reviewed peak, year by year" data-testid="peak-years">
        <thead>
          <tr>
            <th scope="col">Peak</th>
            @for (year of table().years; track year) {
              <th scope="col">{{ year }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table().rows; track row.event) {
            <tr>
              <th scope="row">{{ row.eventName }}</th>
              @for (cell of row.cells; track $index) {
                <td>
                  @if (cell) {
                    <span class="line">{{ number(cell.totals.actual) }} contacts</span>
                    <span class="line muted">{{ gapText(cell) }}</span>
                    <span class="line muted">service level {{ share(cell.totals.serviceLevelReached) }}</span>
                  } @else {
                    <span class="muted">not reviewed</span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .line {
      display: block;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeakYearsTableComponent {
  readonly summaries = input.required<readonly PeakReviewSummaryDto[]>();
  protected readonly table = computed(() => peakYears(this.summaries()));

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected share(value: number | null): string {
    return formatShare(value);
  }

  protected gapText(summary: PeakReviewSummaryDto): string {
    const gap = forecastGap(summary.totals);
    return gap === null ? 'no plan' : `${formatShare(gap, true)} against the plan`;
  }
}
