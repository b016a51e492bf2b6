import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type {
  DailyHistoryResponse,
  EventDto,
  ForecastRunDetail,
  ForecastRunSummary,
  QueueDto,
} from '@peakplan/contracts';
import { catchError, exhaustMap, map, Observable, of, startWith, switchMap, takeWhile, timer } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { addDays, calendarDateIn } from '../core/dates/date-range';
import { formatInstant, formatPercent } from '../core/format/organisation-format';
import { OrganisationSettings } from '../core/organisation/organisation-settings.service';
import { BacktestTableComponent } from './backtest-table.component';
import { toForecastChartData } from './forecast-chart-data';
import { ForecastIntradayComponent } from './forecast-intraday.component';
import { ForecastResultComponent } from './forecast-result.component';

/** Days of actual history drawn before the forecast starts. */
const HISTORY_DAYS_SHOWN = 56;
const POLL_MS = 1000;

/** Forecast per queue: start a run, watch it, then the forecast with its band, event windows and backtest. */
@Component({
  selector: 'pp-forecast-page',
  imports: [BacktestTableComponent, ForecastIntradayComponent, ForecastResultComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Forecast</h1>
      <p class="lead">
        Contacts per day for the weeks ahead, with the range they will most likely fall in (P10–P90) and how
        well the model did on past peaks.
      </p>
    </header>

    <section class="card" aria-labelledby="start-heading">
      <h2 id="start-heading">Run a forecast</h2>
      @switch (queues().status) {
        @case ('loading') {
          <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Loading queues…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(queues()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (queueList().length === 0) {
            <p class="empty">No queues yet: create one under Queues and events first.</p>
          } @else {
            <form class="form-grid" (submit)="$event.preventDefault(); start()" aria-label="Run a forecast">
              <label class="field">
                Queue
                <select name="queue" aria-label="Queue" (change)="chooseQueue(text($event))">
                  @for (queue of queueList(); track queue.id) {
                    <option [value]="queue.id" [selected]="queue.id === queueId()">{{ queue.name }}</option>
                  }
                </select>
              </label>
              <label class="field">
                Training from
                <input
                  type="date"
                  name="trainingFrom"
                  [value]="trainingFrom()"
                  (input)="trainingFrom.set(text($event))"
                />
                <span class="hint">empty: all history</span>
              </label>
              <label class="field">
                Training to
                <input
                  type="date"
                  name="trainingTo"
                  [value]="trainingTo()"
                  [max]="yesterday"
                  (input)="trainingTo.set(text($event))"
                />
              </label>
              <label class="field">
                Horizon (days)
                <input
                  type="number"
                  name="horizonDays"
                  min="1"
                  max="730"
                  [value]="horizonDays()"
                  (input)="horizonDays.set(numberFrom($event))"
                />
              </label>
              <div>
                <button type="submit" class="button primary" [disabled]="starting() || runActive()">
                  {{ starting() ? 'Starting…' : 'Start forecast' }}
                </button>
              </div>
            </form>
            @if (startProblem(); as problem) {
              <p class="problem-text" role="alert">{{ problem }}</p>
            }
          }
        }
      }
    </section>

    @if (runs().status === 'ready' && runList().length > 0) {
      <div class="run-picker">
        <label class="field">
          Forecast run
          <select name="run" aria-label="Forecast run" (change)="runId.set(text($event))">
            @for (candidate of runList(); track candidate.id) {
              <option [value]="candidate.id" [selected]="candidate.id === runId()">
                {{ runLabel(candidate) }}
              </option>
            }
          </select>
        </label>
      </div>
    }

    @if (run(); as state) {
      @if (state.status === 'loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading the forecast…
        </p>
      } @else if (state.status === 'error') {
        <div class="alert" role="alert">
          <p>{{ state.message }}</p>
          <button type="button" class="button secondary" (click)="retryRun()">Try again</button>
        </div>
      } @else if (state.status === 'ready') {
        @if (state.value.status === 'running') {
          <section class="card" aria-labelledby="progress-heading" data-testid="forecast-progress">
            <h2 id="progress-heading">Forecasting {{ state.value.queueName }}…</h2>
            <label class="field">
              {{ stageText(state.value) }} ({{ percent(state.value.progress) }})
              <progress class="bar" max="1" [value]="state.value.progress"></progress>
            </label>
          </section>
        } @else if (state.value.status === 'failed') {
          <div class="alert" role="alert">
            <p>
              The forecast of {{ state.value.queueName }} failed: {{ state.value.error ?? 'no reason given' }}
            </p>
          </div>
        } @else {
          <pp-forecast-result
            [run]="state.value"
            [chart]="chart()"
            [historyProblem]="history().status === 'error' ? errorOf(history()) : null"
          />
          <pp-forecast-intraday [run]="state.value" />
          <section class="card" aria-labelledby="backtest-heading">
            <h2 id="backtest-heading">Backtest on past peaks</h2>
            @if (state.value.backtest; as backtest) {
              <pp-backtest-table [backtest]="backtest" />
            } @else {
              <p class="empty">No backtest: the history holds no complete past peak window to test on.</p>
            }
          </section>
        }
      }
    }
    @if (runs().status === 'ready' && runList().length === 0 && !runId()) {
      <p class="empty card">No forecast for this queue yet. Start one above.</p>
    }
  `,
  styles: `
    .run-picker {
      margin-bottom: 1rem;
      max-width: 28rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForecastPage {
  private readonly api = inject(PeakplanApi);

  private readonly today = calendarDateIn(new Date(), inject(OrganisationSettings).timeZone());
  protected readonly yesterday = addDays(this.today, -1);
  protected readonly queueId = signal<string | null>(null);
  protected readonly runId = signal<string | null>(null);
  protected readonly trainingFrom = signal('');
  protected readonly trainingTo = signal(this.yesterday);
  protected readonly horizonDays = signal(90);
  protected readonly starting = signal(false);
  protected readonly startProblem = signal<string | null>(null);
  private readonly runAttempt = signal(0);
  private readonly runsAttempt = signal(0);

  protected readonly queues = toSignal(toLoadState(this.api.queues(), 'loading the queues'), {
    initialValue: LOADING as LoadState<QueueDto[]>,
  });
  protected readonly queueList = computed(() => {
    const state = this.queues();
    return state.status === 'ready' ? state.value : [];
  });
  private readonly eventNames = toSignal(
    this.api.events(true).pipe(
      map((events: EventDto[]) => new Map(events.map((event) => [event.key, event.name]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );

  protected readonly runs = toSignal(
    toObservable(computed(() => ({ queueId: this.queueId(), attempt: this.runsAttempt() }))).pipe(
      switchMap(({ queueId }) =>
        queueId ? toLoadState(this.api.forecastRuns(queueId), 'loading the forecast runs') : of(IDLE),
      ),
    ),
    { initialValue: IDLE as LoadState<ForecastRunSummary[]> },
  );
  protected readonly runList = computed(() => {
    const state = this.runs();
    return state.status === 'ready' ? state.value.slice(0, 30) : [];
  });

  /** The chosen run, polled every second while it runs. */
  protected readonly run = toSignal(
    toObservable(computed(() => ({ id: this.runId(), attempt: this.runAttempt() }))).pipe(
      switchMap(({ id }) => (id ? this.poll(id) : of(IDLE as LoadState<ForecastRunDetail>))),
    ),
    { initialValue: IDLE as LoadState<ForecastRunDetail> },
  );
  protected readonly runActive = computed(() => {
    const state = this.run();
    return state.status === 'ready' && state.value.status === 'running';
  });

  private readonly completedRun = computed(() => {
    const state = this.run();
    return state.status === 'ready' && state.value.status === 'completed' ? state.value : null;
  });

  protected readonly history = toSignal(
    toObservable(
      computed(() => {
        const run = this.completedRun();
        return run ? `${run.queueId}|${run.forecastFrom}` : null;
      }),
    ).pipe(
      switchMap((key) => {
        if (!key) return of(IDLE as LoadState<DailyHistoryResponse>);
        const [queueId, forecastFrom] = key.split('|');
        return toLoadState(
          this.api.dailyHistory(queueId, {
            from: addDays(forecastFrom, -HISTORY_DAYS_SHOWN),
            to: addDays(forecastFrom, -1),
          }),
          'loading the history before the forecast',
        );
      }),
    ),
    { initialValue: IDLE as LoadState<DailyHistoryResponse> },
  );

  protected readonly chart = computed(() => {
    const run = this.completedRun();
    if (!run) return null;
    const history = this.history();
    return toForecastChartData(
      run,
      history.status === 'ready' ? history.value : null,
      this.eventNames(),
      HISTORY_DAYS_SHOWN,
    );
  });

  constructor() {
    // The first queue until the planner picks another.
    effect(() => {
      const queues = this.queueList();
      if (this.queueId() === null && queues.length > 0) this.queueId.set(queues[0].id);
    });
    // The run list says "running" until it is read again once the watched run has finished.
    effect(() => {
      const state = this.run();
      if (state.status !== 'ready' || state.value.status === 'running') return;
      const listed = untracked(() => this.runList()).find((candidate) => candidate.id === state.value.id);
      if (listed?.status === 'running') this.runsAttempt.update((count) => count + 1);
    });
    // A queue's latest run (completed first) is shown when no run of that queue is chosen.
    effect(() => {
      const runs = this.runList();
      const current = this.runId();
      if (runs.length === 0 || runs.some((candidate) => candidate.id === current)) return;
      const latest = runs.find((candidate) => candidate.status === 'completed') ?? runs[0];
      this.runId.set(latest.id);
    });
  }

  private poll(id: string): Observable<LoadState<ForecastRunDetail>> {
    return timer(0, POLL_MS).pipe(
      exhaustMap(() => this.api.forecastRun(id)),
      takeWhile((run) => run.status === 'running', true),
      map((run): LoadState<ForecastRunDetail> => ({ status: 'ready', value: run })),
      catchError((error: unknown) => {
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        return of<LoadState<ForecastRunDetail>>({
          status: 'error',
          httpStatus: status,
          message: describeApiFailure({ status, error: body }, 'loading the forecast run'),
        });
      }),
      startWith(LOADING as LoadState<ForecastRunDetail>),
    );
  }

  protected chooseQueue(queueId: string): void {
    this.queueId.set(queueId);
    this.runId.set(null);
    this.startProblem.set(null);
  }

  protected start(): void {
    const queueId = this.queueId();
    if (!queueId) return;
    const horizon = this.horizonDays();
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 730) {
      this.startProblem.set('Horizon must be a whole number of days from 1 to 730.');
      return;
    }
    this.starting.set(true);
    this.startProblem.set(null);
    this.api
      .startForecastRun({
        queueId,
        horizonDays: horizon,
        ...(this.trainingFrom() ? { trainingFrom: this.trainingFrom() } : {}),
        ...(this.trainingTo() ? { trainingTo: this.trainingTo() } : {}),
      })
      .subscribe({
        next: ([started]) => {
          this.starting.set(false);
          this.runId.set(started.id);
          this.runsAttempt.update((count) => count + 1);
        },
        error: (error: unknown) => {
          this.starting.set(false);
          const status = error instanceof HttpErrorResponse ? error.status : -1;
          const body = error instanceof HttpErrorResponse ? error.error : undefined;
          this.startProblem.set(describeApiFailure({ status, error: body }, 'starting the forecast'));
        },
      });
  }

  protected retryRun(): void {
    this.runAttempt.update((count) => count + 1);
  }

  protected stageText(run: ForecastRunSummary): string {
    return run.stage === 'queued' ? 'Waiting for other runs to finish' : `Stage: ${run.stage}`;
  }

  protected runLabel(run: ForecastRunSummary): string {
    const state = run.status === 'completed' ? '' : ` (${run.status})`;
    return `${formatInstant(run.createdAt)} · from ${run.forecastFrom}, ${run.horizonDays} days${state}`;
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected numberFrom(event: Event): number {
    const raw = (event.target as HTMLInputElement).value;
    return raw === '' ? Number.NaN : Number(raw);
  }

  protected percent(share: number): string {
    return formatPercent(share, 0);
  }
}
