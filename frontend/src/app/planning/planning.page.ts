import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { QueueDto } from '@peakplan/contracts';
import { forkJoin, map, of, scan, switchMap } from 'rxjs';

import { DailyHistoryLineChartComponent } from '../charts/daily-history-line-chart/daily-history-line-chart.component';
import { LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { AuthService } from '../core/auth/auth.service';
import { calendarDateIn, DateRange, lastYearsRange } from '../core/dates/date-range';
import { formatCalendarDate } from '../core/format/organisation-format';
import { OrganisationSettings } from '../core/organisation/organisation-settings.service';
import { HistoryImportPanelComponent } from '../history-import/history-import-panel.component';
import {
  DailyHistoryChartData,
  HistoryFacts,
  historyFacts,
  toDailyHistoryChartData,
} from './daily-history-chart-data';
import { DateRangeSelectorComponent } from './date-range-selector.component';
import { HistoryZoom, HistoryZoomLevel, panZoom, zoomWindow } from './history-zoom';
import { HistoryZoomComponent } from './history-zoom.component';
import { QueueListComponent } from './queue-list.component';

interface QueueHistory {
  queue: QueueDto;
  chart: DailyHistoryChartData;
  facts: HistoryFacts;
}

interface HistoryView {
  state: LoadState<QueueHistory[]>;
  shown: QueueHistory[];
}

/** Planning start page: the queues and each queue's daily contact history with the event days marked. */
@Component({
  selector: 'pp-planning-page',
  imports: [
    DailyHistoryLineChartComponent,
    DateRangeSelectorComponent,
    QueueListComponent,
    HistoryImportPanelComponent,
    HistoryZoomComponent,
  ],
  template: `
    <header class="page-header">
      <div>
        <p class="eyebrow">Planning</p>
        <h1>Queues and contact history</h1>
        <p class="lead">
          Daily contacts per queue, with the organisation's event days marked, to see how each peak built up
          in past years.
        </p>
      </div>
    </header>

    <section class="card" aria-labelledby="queues-heading">
      <h2 id="queues-heading">Queues</h2>
      @switch (queues().status) {
        @case ('loading') {
          <p class="status" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>Loading queues…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorMessage(queues()) }}</p>
            <button type="button" class="button secondary" (click)="retryQueues()">Try again</button>
          </div>
        }
        @case ('ready') {
          @if (queueList().length === 0) {
            <p class="empty">
              No queues yet. Queues are defined by a planner; the demo organisation has phone, chat and email.
            </p>
          } @else {
            <pp-queue-list [queues]="queueList()" />
          }
        }
      }
    </section>

    @if (canImport()) {
      <pp-history-import-panel (imported)="refreshAfterImport()" />
    }

    @if (queueList().length > 0) {
      <section
        class="history"
        aria-labelledby="history-heading"
        [attr.aria-busy]="histories().status === 'loading'"
      >
        <div class="history-header">
          <h2 id="history-heading">Daily history</h2>
          <pp-date-range-selector [range]="range()" [today]="today" (rangeChange)="changeRange($event)" />
        </div>
        <pp-history-zoom
          [level]="zoom().level"
          [atStart]="zoomed()?.min === 0"
          [atEnd]="zoomed()?.max === dayCount() - 1"
          [shown]="zoomText()"
          (levelChange)="zoomTo($event)"
          (pan)="pan($event)"
        />

        @if (histories(); as state) {
          @if (state.status === 'error') {
            <div class="card alert" role="alert">
              <p>{{ state.message }}</p>
              <button type="button" class="button secondary" (click)="retryHistory()">Try again</button>
            </div>
          } @else if (state.status === 'loading') {
            <p class="status" role="status" aria-live="polite">
              <span class="spinner" aria-hidden="true"></span>
              {{ historyList().length ? 'Updating' : 'Loading' }} history from {{ range().from }} to
              {{ range().to }}…
            </p>
          }
          @if (state.status !== 'error') {
            <!-- While a new range loads, the previous charts stay and then update in place. -->
            @for (item of historyList(); track item.queue.id) {
              <article
                class="card chart-card"
                [class.stale]="state.status === 'loading'"
                [id]="'history-' + item.queue.id"
                data-testid="history-chart"
              >
                <div class="chart-facts">
                  <span
                    ><strong>{{ item.facts.offered }}</strong> contacts offered</span
                  >
                  @if (item.facts.busiestDay; as peak) {
                    <span
                      >busiest day <strong>{{ peak.date }}</strong> ({{ peak.offered }})</span
                    >
                  }
                  <span
                    ><strong>{{ item.chart.eventMarkers.length }}</strong> event days</span
                  >
                  @if (item.chart.daysWithHistory < item.chart.dates.length) {
                    <span class="muted">{{ daysWithoutHistoryText(item.chart) }}</span>
                  }
                </div>
                @if (item.chart.daysWithHistory === 0) {
                  <p class="empty">
                    No history for {{ item.queue.name }} between {{ item.chart.dates[0] }} and
                    {{ item.chart.dates[item.chart.dates.length - 1] }}.
                  </p>
                } @else {
                  <pp-daily-history-line-chart [data]="item.chart" [window]="zoomed()" />
                }
              </article>
            }
          }
        }
      </section>
    }
  `,
  styles: `
    .history {
      display: grid;
      gap: 1rem;
      margin-top: 1.5rem;
    }
    .history-header {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: 0.75rem 2rem;
    }
    .history-header h2 {
      margin: 0;
    }
    .chart-card {
      scroll-margin-top: 5rem;
      transition: opacity 0.2s;
    }
    .chart-card.stale {
      opacity: 0.55;
    }
    .chart-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      font-size: 0.8125rem;
      color: var(--text-muted);
      margin-bottom: 0.5rem;
    }
    .chart-facts strong {
      color: var(--text);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanningPage {
  private readonly api = inject(PeakplanApi);
  private readonly auth = inject(AuthService);

  /** Importing is for planners and admins (the server checks again). */
  protected readonly canImport = computed(() =>
    (this.auth.user()?.roles ?? []).some((role) => role === 'planner' || role === 'admin'),
  );

  protected readonly today = calendarDateIn(new Date(), inject(OrganisationSettings).timeZone());
  protected readonly range = signal<DateRange>(lastYearsRange(this.today, 2));
  private readonly queuesAttempt = signal(0);
  private readonly historyAttempt = signal(0);

  protected readonly queues = toSignal(
    toObservable(this.queuesAttempt).pipe(
      switchMap(() => toLoadState(this.api.queues(), 'loading the queues')),
    ),
    { initialValue: LOADING as LoadState<QueueDto[]> },
  );

  protected readonly queueList = computed(() => {
    const state = this.queues();
    return state.status === 'ready' ? state.value : [];
  });

  private readonly historyRequest = computed(() => ({
    queues: this.queueList(),
    range: this.range(),
    attempt: this.historyAttempt(),
  }));

  /**
   * The history state and the charts on screen. While a new range loads, the charts of the last
   * successful load stay (dimmed) and then update in place; after an error none are shown, so a
   * retry never brings back charts of an earlier range.
   */
  private readonly historyView = toSignal(
    toObservable(this.historyRequest).pipe(
      switchMap(({ queues, range }) =>
        queues.length === 0
          ? of(LOADING as LoadState<QueueHistory[]>)
          : toLoadState(
              forkJoin({
                occurrences: this.api.eventOccurrences(range),
                events: this.api.events(),
                histories: forkJoin(queues.map((queue) => this.api.dailyHistory(queue.id, range))),
              }).pipe(
                map(({ occurrences, events, histories }) => {
                  const closed = new Set(events.filter((event) => event.closed).map((event) => event.id));
                  return histories.map((history, index) => {
                    const chart = toDailyHistoryChartData(history, occurrences, closed);
                    return { queue: queues[index], chart, facts: historyFacts(chart) };
                  });
                }),
              ),
              'loading the contact history',
            ),
      ),
      scan(
        (view: HistoryView, state: LoadState<QueueHistory[]>): HistoryView => ({
          state,
          shown: state.status === 'ready' ? state.value : state.status === 'error' ? [] : view.shown,
        }),
        { state: LOADING, shown: [] },
      ),
    ),
    { initialValue: { state: LOADING, shown: [] } as HistoryView },
  );

  protected readonly histories = computed(() => this.historyView().state);
  protected readonly historyList = computed(() => this.historyView().shown);

  /** One zoom for every queue's chart: they share the date range. */
  protected readonly zoom = signal<HistoryZoom>({ level: 'all', end: null });
  protected readonly dayCount = computed(() => this.historyList()[0]?.chart.dates.length ?? 0);
  protected readonly zoomed = computed(() => zoomWindow(this.zoom(), this.dayCount()));
  protected readonly zoomText = computed(() => {
    const window = this.zoomed();
    const dates = this.historyList()[0]?.chart.dates ?? [];
    if (!window || !dates[window.min]) return '';
    const first = formatCalendarDate(dates[window.min], 'long');
    return window.min === window.max ? first : `${first} – ${formatCalendarDate(dates[window.max], 'long')}`;
  });

  protected zoomTo(level: HistoryZoomLevel): void {
    this.zoom.update((zoom) => ({ level, end: zoom.end }));
  }

  protected pan(direction: -1 | 1): void {
    this.zoom.update((zoom) => panZoom(zoom, direction, this.dayCount()));
  }

  protected changeRange(range: DateRange): void {
    this.range.set(range);
    this.zoom.update((zoom) => ({ ...zoom, end: null }));
  }

  protected daysWithoutHistoryText(chart: DailyHistoryChartData): string {
    const missing = chart.dates.length - chart.daysWithHistory;
    return `${missing} ${missing === 1 ? 'day' : 'days'} without history (closed or not recorded)`;
  }

  protected errorMessage(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  /** New history (or a new queue from the file) shows at once. */
  protected refreshAfterImport(): void {
    this.retryQueues();
    this.retryHistory();
  }

  protected retryQueues(): void {
    this.queuesAttempt.update((count) => count + 1);
  }

  protected retryHistory(): void {
    this.historyAttempt.update((count) => count + 1);
  }
}
