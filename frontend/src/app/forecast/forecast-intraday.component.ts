import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ForecastIntervalDto, ForecastRunDetail } from '@peakplan/contracts';
import { of, switchMap } from 'rxjs';

import { ForecastActualChartComponent } from '../charts/forecast-actual-chart/forecast-actual-chart.component';
import { IDLE, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { formatCalendarDate, formatNumber, formatPercent } from '../core/format/organisation-format';
import { busiestInterval, defaultIntradayDay, intradaySeries } from './forecast-intraday-data';

/** One day of a completed forecast run, interval by interval, with its P10–P90 band. */
@Component({
  selector: 'pp-forecast-intraday',
  imports: [ForecastActualChartComponent],
  template: `
    <section class="card" aria-labelledby="intraday-heading" data-testid="forecast-intraday">
      <h2 id="intraday-heading">One day, interval by interval</h2>
      <label class="field day-picker">
        Day
        <select name="intradayDay" aria-label="Day" (change)="chosenDay.set(text($event))">
          @for (day of run().days; track day.date) {
            <option [value]="day.date" [selected]="day.date === shownDay()" [disabled]="day.closed">
              {{ dayLabel(day.date) }}{{ day.closed ? ' (closed)' : ''
              }}{{ day.events.length ? ' · event' : '' }}
            </option>
          }
        </select>
      </label>
      @switch (intervals().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the intervals…
          </p>
        }
        @case ('error') {
          <p class="problem-text" role="alert">{{ problem() }}</p>
        }
        @case ('ready') {
          @if (rows().length === 0) {
            <p class="empty">No intervals forecast for this day.</p>
          } @else {
            <pp-forecast-actual-chart
              [series]="series()"
              [title]="title()"
              xLabel="interval start (local time)"
              [yLabel]="'contacts per ' + run().intervalMinutes + ' minutes'"
            />
            <p class="muted">
              {{ number(dayTotal()) }} contacts forecast this day; the busiest interval starts at
              {{ busiest()?.start?.slice(11, 16) }} with {{ number(busiest()?.p50 ?? 0) }} (P10–P90
              {{ number(busiest()?.p10 ?? 0) }}–{{ number(busiest()?.p90 ?? 0) }}).
            </p>
          }
        }
      }
      @if (run().parameters?.intraday; as intraday) {
        <p class="muted" data-testid="intraday-band-check">
          Intervals forecast by {{ intraday.name }}. In its intraday backtest the P10–P90 band held
          {{ percent(intraday.intervalCoverage) }} of intervals and {{ percent(intraday.dayCoverage) }} of
          days (aim: 75–85%).
        </p>
      }
    </section>
  `,
  styles: `
    .day-picker {
      max-width: 22rem;
      margin-bottom: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForecastIntradayComponent {
  private readonly api = inject(PeakplanApi);
  readonly run = input.required<ForecastRunDetail>();

  protected readonly chosenDay = signal<string | null>(null);
  /** The chosen day if it belongs to this run, else the run's default day. */
  protected readonly shownDay = computed(() => {
    const chosen = this.chosenDay();
    const days = this.run().days;
    return chosen && days.some((day) => day.date === chosen) ? chosen : defaultIntradayDay(days);
  });

  protected readonly intervals = toSignal(
    toObservable(computed(() => ({ runId: this.run().id, day: this.shownDay() }))).pipe(
      switchMap(({ runId, day }) =>
        day
          ? toLoadState(this.api.forecastRunIntervals(runId, day), 'loading the day’s intervals')
          : of(IDLE as LoadState<ForecastIntervalDto[]>),
      ),
    ),
    { initialValue: IDLE as LoadState<ForecastIntervalDto[]> },
  );
  protected readonly rows = computed(() => {
    const state = this.intervals();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly series = computed(() => intradaySeries(this.rows()));
  protected readonly busiest = computed(() => busiestInterval(this.rows()));
  protected readonly dayTotal = computed(() => this.rows().reduce((sum, row) => sum + row.p50, 0));
  protected readonly title = computed(
    () => `${this.run().queueName} on ${this.dayLabel(this.shownDay() ?? '')}: forecast per interval`,
  );
  protected readonly problem = computed(() => {
    const state = this.intervals();
    return state.status === 'error' ? state.message : '';
  });

  protected dayLabel(date: string): string {
    return formatCalendarDate(date);
  }

  protected number(value: number): string {
    return formatNumber(value);
  }

  /** The backtest's coverage as the CLI and the API give it (a share), shown to one decimal. */
  protected percent(share: number | null): string {
    return formatPercent(share);
  }

  protected text(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
