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
import { BarController, BarElement, Chart, ChartConfiguration, type Plugin } from 'chart.js';

import { PALETTE, withAlpha } from '../charts/chart-palette';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../charts/chart-setup';
import { formatCalendarDate, formatNumber } from '../core/format/organisation-format';
import type { ReasonBarsData } from './reason-chart-data';

registerChartParts(BarController, BarElement);

type ReasonChart = Chart<'bar', number[], string>;

/** Shades the event window behind the bars, so the peak's days stand out. */
const WINDOW_SHADE: Plugin<'bar'> = {
  id: 'reasonWindowShade',
  beforeDatasetsDraw(chart, _args, options: { first?: number; last?: number }) {
    const { first = -1, last = -1 } = options;
    if (first < 0 || last < first) return;
    const x = chart.scales['x'];
    const area = chart.chartArea;
    const step = chart.data.labels!.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : area.width;
    const left = x.getPixelForValue(first) - step / 2;
    const right = x.getPixelForValue(last) + step / 2;
    chart.ctx.save();
    chart.ctx.fillStyle = withAlpha(PALETTE.yellow, 0.25);
    chart.ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
    chart.ctx.restore();
  },
};

/** Contacts per reason per day around a peak as stacked bars, the event window shaded. */
@Component({
  selector: 'pp-reason-bars',
  template: `<div class="frame">
    <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
  </div>`,
  styles: `
    .frame {
      position: relative;
      height: 340px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonBarsComponent {
  readonly data = input.required<ReasonBarsData>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: ReasonChart | null = null;
  private shown: ReasonBarsData | null = null;

  protected readonly summary = computed(() => {
    const data = this.data();
    const window =
      data.windowFirst >= 0
        ? `; the event window, ${formatCalendarDate(data.dates[data.windowFirst])} to ${formatCalendarDate(data.dates[data.windowLast])}, is shaded`
        : '';
    return `${data.title}: stacked bars over ${data.dates.length} days for ${data.series.map((s) => s.label).join(', ')}${window}.`;
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.data()) });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(data: ReasonBarsData): void {
    this.shown = data;
    // The number of reasons may change with the queue: rebuild rather than patch the datasets.
    this.chart?.destroy();
    const configuration: ChartConfiguration<'bar', number[], string> = {
      type: 'bar',
      data: {
        labels: data.dates,
        datasets: data.series.map((series) => ({
          label: series.label,
          data: series.values,
          backgroundColor: series.color,
          stack: 'contacts',
        })),
      },
      plugins: [WINDOW_SHADE],
      options: {
        ...BASE_CHART_OPTIONS,
        scales: {
          x: {
            stacked: true,
            title: axisTitle('date (event window shaded)'),
            grid: { display: false },
            ticks: {
              color: PALETTE.text,
              maxRotation: 0,
              autoSkipPadding: 12,
              callback: (_value, index) => {
                const date = this.shown?.dates[index];
                return date ? formatCalendarDate(date, 'day-month') : '';
              },
            },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            title: axisTitle('contacts per day'),
            grid: { color: PALETTE.grid },
            ticks: { color: PALETTE.text, callback: (value) => formatNumber(Number(value)) },
          },
        },
        plugins: {
          title: chartTitle(data.title),
          legend: { ...LEGEND_POSITION, labels: { color: PALETTE.text, boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const date = this.shown?.dates[items[0]?.dataIndex ?? -1];
                return date ? formatCalendarDate(date) : '';
              },
              label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y ?? 0)} contacts`,
            },
          },
          ...({ reasonWindowShade: { first: data.windowFirst, last: data.windowLast } } as object),
        },
      },
    };
    this.chart = new Chart(this.canvas().nativeElement, configuration) as ReasonChart;
  }
}
