import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PeakReviewDto } from '@peakplan/contracts';

import { formatNumber } from '../../core/format/organisation-format';
import { formatShare } from './peak-review-chart-data';

/** A peak review's tables: the forecast's accuracy per queue beside the plainest baseline, and the answer's quality. */
@Component({
  selector: 'pp-review-accuracy-tables',
  imports: [RouterLink],
  template: `
    <table class="table">
      <caption class="muted">
        Accuracy of the forecast used, per queue: days and intervals of the window with actuals; last, the
        plainest baseline (each day as the same weekday 52 weeks before) on the same days
      </caption>
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col" class="number">WAPE (days)</th>
          <th scope="col" class="number">Bias (days)</th>
          <th scope="col" class="number">P10–P90 coverage (days)</th>
          <th scope="col" class="number">WAPE (intervals)</th>
          <th scope="col" class="number">P10–P90 coverage (intervals)</th>
          <th scope="col" class="number">Service level reached</th>
          <th scope="col" class="number">WAPE, same weekday last year (days)</th>
        </tr>
      </thead>
      <tbody>
        @for (queue of review().queues; track queue.queueId) {
          <tr>
            <th scope="row">{{ queue.queue }}</th>
            <td class="number">{{ share(queue.accuracy?.days?.wape) }}</td>
            <td class="number">{{ share(queue.accuracy?.days?.bias, true) }}</td>
            <td class="number">{{ share(queue.accuracy?.days?.coverage) }}</td>
            <td class="number">{{ share(queue.accuracy?.intervals?.wape) }}</td>
            <td class="number">{{ share(queue.accuracy?.intervals?.coverage) }}</td>
            <td class="number">{{ share(queue.totals.serviceLevelReached) }}</td>
            <td class="number">{{ share(baselineOf(review(), queue.queueId)?.wape) }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (review().quality?.length) {
      <table class="table quality">
        <caption class="muted">
          Quality of the answer: the window against the 8 ordinary weeks before it (a dash: not measured)
        </caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" class="number">Repeat rate (peak / ordinary)</th>
            <th scope="col" class="number">Transfer rate (peak / ordinary)</th>
            <th scope="col" class="number">NPS (peak / ordinary)</th>
            <th scope="col" class="number">CSAT (peak / ordinary)</th>
          </tr>
        </thead>
        <tbody>
          @for (queue of review().quality; track queue.queueId) {
            <tr>
              <th scope="row">{{ queue.queue }}</th>
              <td class="number">
                {{ share(queue.peak.repeatRate) }} / {{ share(queue.ordinary.repeatRate) }}
              </td>
              <td class="number">
                {{ share(queue.peak.transferRate) }} / {{ share(queue.ordinary.transferRate) }}
              </td>
              <td class="number">{{ score(queue.peak.nps) }} / {{ score(queue.ordinary.nps) }}</td>
              <td class="number">{{ share(queue.peak.csat) }} / {{ share(queue.ordinary.csat) }}</td>
            </tr>
          }
        </tbody>
      </table>
      <p class="muted">Per contact reason: <a routerLink="/planning/reasons">Contact reasons</a>.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewAccuracyTablesComponent {
  readonly review = input.required<PeakReviewDto>();

  /** An NPS, −100 to 100, whole. */
  protected score(value: number | null): string {
    return formatNumber(value);
  }

  /** The "same weekday last year" baseline of a queue in the review, if last year has its days. */
  protected baselineOf(review: PeakReviewDto, queueId: string): { wape: number; bias: number } | null {
    return review.baselines?.find((baseline) => baseline.queueId === queueId)?.sameWeekdayLastYear ?? null;
  }

  protected share(value: number | null | undefined, signed = false): string {
    return formatShare(value, signed);
  }
}
