import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BacktestMetricsDto, ForecastBacktestDto } from '@peakplan/contracts';

import { formatCalendarDate, formatPercent } from '../core/format/organisation-format';

type Forecaster = 'model' | 'regression' | 'seasonalNaive' | 'eventUplift';

const FORECASTERS: { key: Forecaster; label: string }[] = [
  { key: 'model', label: 'Chosen model' },
  { key: 'regression', label: 'Regression' },
  { key: 'seasonalNaive', label: 'Seasonal naive' },
  { key: 'eventUplift', label: "Last year's uplift" },
];

/** The peak backtest of a run: each forecaster's error on past peak windows, overall and per window. */
@Component({
  selector: 'pp-backtest-table',
  template: `
    <p class="verdict">{{ backtest().verdict }}</p>
    <div class="table-scroll">
      <table class="table" aria-label="Backtest on past peaks" data-testid="backtest-table">
        <caption>
          All past peak windows, forecast
          {{
            backtest().leadDays
          }}
          days ahead, each with the weights the peaks before it chose (so the chosen model can score above the
          figure in “Why this model”, which scores today's weights on all of them). Lower WAPE is better; bias
          above zero means over-forecast; band coverage should be near 80%.
        </caption>
        <thead>
          <tr>
            <th scope="col">Forecaster</th>
            <th scope="col" class="number">WAPE</th>
            <th scope="col" class="number">Bias</th>
            <th scope="col" class="number">Band coverage (P10–P90)</th>
            <th scope="col" class="number">Days</th>
          </tr>
        </thead>
        <tbody>
          @for (forecaster of forecasters; track forecaster.key) {
            <tr [class.chosen]="forecaster.key === 'model'">
              <th scope="row">{{ forecaster.label }}</th>
              <td class="number">{{ percent(backtest().overall[forecaster.key].wape) }}</td>
              <td class="number">{{ signedPercent(backtest().overall[forecaster.key].bias) }}</td>
              <td class="number">{{ coverage(backtest().overall[forecaster.key]) }}</td>
              <td class="number">{{ backtest().overall[forecaster.key].days }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (backtest().windows.length > 0) {
      <details>
        <summary>Per peak window ({{ backtest().windows.length }})</summary>
        <div class="table-scroll">
          <table class="table" aria-label="Backtest per peak window">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Date</th>
                <th scope="col">Model used</th>
                @for (forecaster of forecasters; track forecaster.key) {
                  <th scope="col" class="number">WAPE {{ forecaster.label }}</th>
                }
                <th scope="col" class="number">Coverage</th>
              </tr>
            </thead>
            <tbody>
              @for (window of backtest().windows; track window.eventId + window.eventDate) {
                <tr>
                  <th scope="row">{{ window.eventName }}</th>
                  <td>{{ date(window.eventDate) }}</td>
                  <td>{{ window.modelUsed }}</td>
                  @for (forecaster of forecasters; track forecaster.key) {
                    <td class="number">{{ percent(window[forecaster.key].wape) }}</td>
                  }
                  <td class="number">{{ coverage(window.model) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    }
  `,
  styles: `
    .verdict {
      margin: 0 0 0.5rem;
      font-size: 0.9rem;
    }
    caption {
      caption-side: bottom;
      text-align: left;
      font-size: 0.8rem;
      color: var(--text-muted);
      padding-top: 0.5rem;
    }
    tr.chosen th,
    tr.chosen td {
      font-weight: 700;
    }
    details {
      margin-top: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BacktestTableComponent {
  readonly backtest = input.required<ForecastBacktestDto>();
  protected readonly forecasters = FORECASTERS;

  protected percent(value: number): string {
    return formatPercent(value, 1);
  }

  protected signedPercent(value: number): string {
    const text = formatPercent(value, 1);
    return value > 0 ? `+${text}` : text;
  }

  protected coverage(metrics: BacktestMetricsDto): string {
    return metrics.coverage === null ? 'no band' : formatPercent(metrics.coverage, 0);
  }

  protected date(isoDate: string): string {
    return formatCalendarDate(isoDate, 'short');
  }
}
