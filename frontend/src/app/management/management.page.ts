import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { PeakReviewDto, PeakReviewSummaryDto } from '@peakplan/contracts';
import { filter, map, of, shareReplay, switchMap, take } from 'rxjs';

import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { AuthService } from '../core/auth/auth.service';
import { ManagementApi } from './management-api.service';
import { ForecastActualChartComponent } from '../charts/forecast-actual-chart/forecast-actual-chart.component';
import { PeakYearsTableComponent } from './peak-review/peak-years-table.component';
import { ReviewAccuracyTablesComponent } from './peak-review/review-accuracy-tables.component';
import {
  dailySeries,
  defaultReviewDay,
  intervalDates,
  intervalSeries,
  reviewFigures,
} from './peak-review/peak-review-chart-data';

/** Management: each past peak's forecast against actual, accuracy beside it, and how the plan held. */
@Component({
  selector: 'pp-management-page',
  imports: [ForecastActualChartComponent, PeakYearsTableComponent, ReviewAccuracyTablesComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Management</p>
      <h1>Forecast and actual, side by side</h1>
      <p class="lead">{{ signedInAs() }}</p>
    </header>

    <section class="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Post-peak reviews</h2>
      @if (preparing(); as preparing) {
        <p class="status" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true"></span>
          The demo is forecasting, planning and reviewing its past peaks as a planner would have ({{
            preparing.done.length
          }}
          of {{ preparing.total }} done{{ preparing.current ? '; now ' + preparing.current : '' }}). The
          reviews appear here when they are ready.
        </p>
      }
      @switch (reviews().status) {
        @case ('loading') {
          @if (!preparing()) {
            <p class="status" role="status" aria-live="polite">
              <span class="spinner" aria-hidden="true"></span>Loading the reviews…
            </p>
          }
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ messageOf(reviews()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (reviewList().length === 0) {
            <p class="empty">
              No peak has been reviewed yet. A review is stored the night after a peak's window ends, once a
              forecast or a plan covered it.
            </p>
          } @else {
            <ul class="review-list" aria-label="Reviewed peaks, newest first">
              @for (summary of reviewList(); track summary.id) {
                <li>
                  <button
                    type="button"
                    class="review-choice"
                    [class.chosen]="isChosen(summary)"
                    [attr.aria-pressed]="isChosen(summary)"
                    (click)="choose(summary)"
                  >
                    <strong>{{ summary.eventName }} {{ summary.year }}</strong>
                    <span class="muted">{{ summary.from }} to {{ summary.to }}</span>
                  </button>
                </li>
              }
            </ul>
            <h3 class="years-heading">Year by year</h3>
            <pp-peak-years-table [summaries]="reviewList()" />
          }
        }
      }
    </section>

    @switch (review().status) {
      @case ('loading') {
        <p class="status" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true"></span>Loading the review…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ messageOf(review()) }}</p>
        </div>
      }
    }
    @if (shownReview(); as shown) {
      <section class="card" aria-labelledby="review-heading">
        <h2 id="review-heading">
          {{ shown.eventName }} {{ shown.year }}: {{ shown.from }} to {{ shown.to }}
        </h2>
        <p class="muted">
          Plan: {{ shown.planScenarioName ?? 'none covered this window' }} ·
          {{ shown.source === 'stored' ? 'stored after the peak' : 'computed now' }}
          @if (!shown.complete) {
            · the window has not ended: partial actuals
          }
        </p>
        <dl class="figures">
          @for (figure of figures(); track figure.label) {
            <div class="figure">
              <dt>{{ figure.label }}</dt>
              <dd>
                <span class="value">{{ figure.value }}</span>
                <span class="muted">{{ figure.hint }}</span>
              </dd>
            </div>
          }
        </dl>

        <pp-review-accuracy-tables [review]="shown" />
      </section>

      @if (shownQueue(); as queue) {
        <section class="card" aria-labelledby="charts-heading">
          <h2 id="charts-heading">Per day and per interval</h2>
          <div class="controls">
            <div class="control">
              <label for="review-queue">Queue</label>
              <select id="review-queue" (change)="chooseQueue($any($event.target).value)">
                @for (option of shown.queues; track option.queueId) {
                  <option [value]="option.queueId" [selected]="option.queueId === queue.queueId">
                    {{ option.queue }}
                  </option>
                }
              </select>
            </div>
            @if (days().length > 0) {
              <div class="control">
                <label for="review-day">Day</label>
                <select id="review-day" (change)="chosenDay.set($any($event.target).value)">
                  @for (day of days(); track day) {
                    <option [value]="day" [selected]="day === shownDay()">
                      {{ day }}{{ shown.eventDates.includes(day) ? ' (event day)' : '' }}
                    </option>
                  }
                </select>
              </div>
            }
          </div>
          <pp-forecast-actual-chart
            [series]="daily()"
            [title]="queue.queue + ': contacts per day, actual against the plan'"
            xLabel="date"
            yLabel="contacts per day"
            forecastLabel="Plan forecast"
          />
          @if (shownDay(); as day) {
            <pp-forecast-actual-chart
              [series]="intervals()"
              [title]="queue.queue + ' on ' + day + ': contacts per ' + queue.intervalMinutes + ' minutes'"
              xLabel="interval start (local time)"
              [yLabel]="'contacts per ' + queue.intervalMinutes + ' minutes'"
            />
          } @else {
            <p class="empty">This review holds no interval rows.</p>
          }
        </section>
      }
    }
  `,
  styles: `
    .review-list {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .review-choice {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.15rem;
      padding: 0.55rem 0.8rem;
      border: 1px solid var(--border-strong);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      cursor: pointer;
      font: inherit;
    }
    .review-choice.chosen {
      border-color: var(--accent);
      background: var(--accent-soft);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-bottom: 0.75rem;
    }
    .control {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.9rem;
    }
    pp-forecast-actual-chart + pp-forecast-actual-chart {
      margin-top: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManagementPage {
  private readonly api = inject(ManagementApi);
  protected readonly user = inject(AuthService).user;
  protected readonly signedInAs = computed(() => {
    const user = this.user();
    if (!user) return '';
    return user.department
      ? `Signed in as ${user.name}, manager of ${user.department}.`
      : `Signed in as ${user.name}.`;
  });

  private readonly preparation = this.api
    .demoPreparation()
    .pipe(shareReplay({ bufferSize: 1, refCount: true }));
  /** The demo's past peaks while a first start still prepares them, else null. */
  protected readonly preparing = toSignal(
    this.preparation.pipe(map((status) => (status?.state === 'preparing' ? status : null))),
    { initialValue: null },
  );
  protected readonly reviews = toSignal(
    toLoadState(
      this.preparation.pipe(
        filter((status) => status?.state !== 'preparing'),
        take(1),
        switchMap(() => this.api.peakReviews()),
      ),
      'loading the peak reviews',
    ),
    { initialValue: LOADING },
  );
  protected readonly reviewList = computed(() => {
    const state = this.reviews();
    return state.status === 'ready' ? state.value : [];
  });

  /** The review chosen, else the newest. */
  private readonly chosen = signal<{ event: string; year: number } | null>(null);
  private readonly current = computed(() => this.chosen() ?? this.reviewList()[0] ?? null);
  protected readonly review = toSignal(
    toObservable(this.current).pipe(
      switchMap((pick) =>
        pick
          ? toLoadState(
              this.api.peakReview(pick.event, pick.year),
              `loading the review of ${pick.event} ${pick.year}`,
            )
          : of<LoadState<PeakReviewDto>>(IDLE),
      ),
    ),
    { initialValue: IDLE },
  );
  protected readonly shownReview = computed(() => {
    const state = this.review();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly figures = computed(() => {
    const review = this.shownReview();
    return review ? reviewFigures(review.totals) : [];
  });

  private readonly chosenQueueId = signal<string | null>(null);
  protected readonly shownQueue = computed(() => {
    const queues = this.shownReview()?.queues ?? [];
    return queues.find((queue) => queue.queueId === this.chosenQueueId()) ?? queues[0] ?? null;
  });
  protected readonly days = computed(() => {
    const queue = this.shownQueue();
    return queue ? intervalDates(queue) : [];
  });
  protected readonly chosenDay = signal<string | null>(null);
  protected readonly shownDay = computed(() => {
    const review = this.shownReview();
    const queue = this.shownQueue();
    if (!review || !queue) return null;
    const chosen = this.chosenDay();
    return chosen && this.days().includes(chosen) ? chosen : defaultReviewDay(review, queue);
  });
  protected readonly daily = computed(() => {
    const queue = this.shownQueue();
    return queue ? dailySeries(queue) : { labels: [], actual: [], forecast: [] };
  });
  protected readonly intervals = computed(() => {
    const queue = this.shownQueue();
    const day = this.shownDay();
    return queue && day ? intervalSeries(queue, day) : { labels: [], actual: [], forecast: [] };
  });

  protected isChosen(summary: PeakReviewSummaryDto): boolean {
    const current = this.current();
    return current !== null && current.event === summary.event && current.year === summary.year;
  }

  protected choose(summary: PeakReviewSummaryDto): void {
    this.chosen.set({ event: summary.event, year: summary.year });
    this.chosenDay.set(null);
  }

  protected chooseQueue(queueId: string): void {
    this.chosenQueueId.set(queueId);
  }

  protected messageOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
