import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  Chart,
  ChartConfiguration,
  ChartDataset,
  Filler,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

import { formatNumber } from '../../core/format/organisation-format';
import { PALETTE, withAlpha } from '../chart-palette';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

/** One chart of forecast against actual: the x labels and the series drawn over them. */
export interface ForecastActualSeries {
  labels: string[];
  /** Absent where nothing has happened yet (a forecast of days to come): no actual line is drawn. */
  actual?: (number | null)[];
  forecast: (number | null)[];
  /** The band, where the chart has one (intervals); absent for days. */
  p10?: (number | null)[];
  p90?: (number | null)[];
}

registerChartParts(LineController, LineElement, PointElement, Filler);

const COLORS = {
  actual: PALETTE.vermillion,
  forecast: PALETTE.blue,
  band: withAlpha(PALETTE.blue, 0.16),
  grid: PALETTE.grid,
  text: PALETTE.text,
};

/**
 * Forecast against actual as a line chart: the actual contacts (where there are any), the forecast,
 * and where given the P10–P90 band shaded between its two edges. Titled, both axes labelled with their unit, a legend and
 * a tooltip in contacts.
 */
@Component({
  selector: 'pp-forecast-actual-chart',
  template: `
    <div class="frame">
      <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: var(--chart-height, 300px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForecastActualChartComponent {
  readonly series = input.required<ForecastActualSeries>();
  readonly title = input.required<string>();
  /** The x axis's name, e.g. "date" or "interval start (local time)". */
  readonly xLabel = input.required<string>();
  /** The y axis's name with its unit, e.g. "contacts per day". */
  readonly yLabel = input.required<string>();
  readonly forecastLabel = input('Forecast (P50)');

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'line', (number | null)[], string> | null = null;

  protected readonly summary = computed(() => {
    const series = this.series();
    const total = (values: (number | null)[]) => values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    const forecast = formatNumber(total(series.forecast));
    return series.actual
      ? `${this.title()}: ${series.labels.length} points, actual ${formatNumber(total(series.actual))} contacts against ${forecast} forecast.`
      : `${this.title()}: ${series.labels.length} points, ${forecast} contacts forecast.`;
  });

  constructor() {
    afterRenderEffect({
      write: () => {
        this.chart?.destroy();
        this.chart = new Chart(this.canvas().nativeElement, this.configuration());
      },
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private configuration(): ChartConfiguration<'line', (number | null)[], string> {
    const series = this.series();
    const line = { pointRadius: 0, pointHoverRadius: 3, borderWidth: 2, tension: 0, spanGaps: false };
    const datasets: ChartDataset<'line', (number | null)[]>[] = [];
    if (series.p10 && series.p90) {
      datasets.push(
        {
          label: 'P10',
          data: series.p10,
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
          borderColor: 'transparent',
        },
        {
          label: 'P10–P90 band',
          data: series.p90,
          borderWidth: 0,
          pointRadius: 0,
          borderColor: 'transparent',
          backgroundColor: COLORS.band,
          fill: '-1',
        },
      );
    }
    datasets.push({
      label: this.forecastLabel(),
      data: series.forecast,
      borderColor: COLORS.forecast,
      backgroundColor: COLORS.forecast,
      borderDash: [6, 4],
      ...line,
    });
    if (series.actual)
      datasets.push({
        label: 'Actual',
        data: series.actual,
        borderColor: COLORS.actual,
        backgroundColor: COLORS.actual,
        ...line,
      });
    return {
      type: 'line',
      data: { labels: series.labels, datasets },
      options: {
        ...BASE_CHART_OPTIONS,
        scales: {
          x: {
            title: axisTitle(this.xLabel()),
            grid: { color: COLORS.grid },
            ticks: { color: COLORS.text, autoSkip: true, maxTicksLimit: 14, maxRotation: 0 },
          },
          y: {
            beginAtZero: true,
            title: axisTitle(this.yLabel()),
            grid: { color: COLORS.grid },
            ticks: { color: COLORS.text, callback: (value) => formatNumber(Number(value)) },
          },
        },
        plugins: {
          title: chartTitle(this.title()),
          legend: {
            ...LEGEND_POSITION,
            labels: {
              color: COLORS.text,
              boxWidth: 14,
              // The band's lower edge is drawn, not named: the band itself carries the legend entry.
              filter: (item) => item.text !== 'P10',
            },
          },
          tooltip: {
            callbacks: {
              label: (item) =>
                item.parsed.y === null
                  ? `${item.dataset.label}: —`
                  : `${item.dataset.label}: ${formatNumber(item.parsed.y)} contacts`,
            },
          },
        },
      },
    };
  }
}
