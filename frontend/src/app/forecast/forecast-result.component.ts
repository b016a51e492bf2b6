import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ForecastRunDetail } from '@peakplan/contracts';

import { ForecastBandChartComponent } from '../charts/forecast-band-chart/forecast-band-chart.component';
import { formatCalendarDate, formatNumber } from '../core/format/organisation-format';
import { modelReasonText } from './model-reason';
import type { ForecastChartData } from './forecast-chart-data';

/** A completed run: its model and why, warnings, and the forecast with its band after the history. */
@Component({
  selector: 'pp-forecast-result',
  imports: [ForecastBandChartComponent],
  template: `
    <section class="card" aria-labelledby="forecast-heading" data-testid="forecast-result">
      <h2 id="forecast-heading">
        {{ run().queueName }}: {{ date(run().forecastFrom) }} + {{ run().horizonDays }} days
      </h2>
      <div class="facts">
        <span
          >Model <strong>{{ run().model ?? 'unknown' }}</strong></span
        >
        <span
          >Trained on {{ date(run().trainingFrom, 'short') }} – {{ date(run().trainingTo, 'short') }}</span
        >
        @if (chart(); as data) {
          <span
            >Median total <strong>{{ number(data.totalP50) }}</strong> contacts</span
          >
        }
      </div>
      @if (reason(); as text) {
        <p class="reason"><strong>Why this model:</strong> {{ text }}</p>
      }
      @for (warning of run().warnings; track warning) {
        <p class="tag warn">{{ warning }}</p>
      }
      @if (historyProblem(); as problem) {
        <p class="problem-text">{{ problem }} The forecast is shown without history.</p>
      }
      @if (chart(); as data) {
        @if (data.dates.length === 0) {
          <p class="empty">This run has no forecast days.</p>
        } @else {
          <pp-forecast-band-chart [data]="data" data-testid="forecast-chart" />
        }
      }
    </section>
  `,
  styles: `
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      font-size: 0.875rem;
      color: var(--text-muted);
    }
    .facts strong {
      color: var(--text);
    }
    .reason {
      font-size: 0.875rem;
      margin: 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForecastResultComponent {
  readonly run = input.required<ForecastRunDetail>();
  readonly chart = input.required<ForecastChartData | null>();
  /** Why the history before the forecast could not be read, if it could not. */
  readonly historyProblem = input<string | null>(null);
  protected readonly reason = computed(() => modelReasonText(this.run()));

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected date(isoDate: string, style: 'long' | 'short' = 'long'): string {
    return formatCalendarDate(isoDate, style);
  }
}
