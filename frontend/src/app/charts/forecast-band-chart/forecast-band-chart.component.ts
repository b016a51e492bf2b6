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
  Filler,
  LineController,
  LineElement,
  Plugin,
  PointElement,
} from 'chart.js';

import { formatCalendarDate, formatNumber } from '../../core/format/organisation-format';
import type { ForecastChartData } from '../../forecast/forecast-chart-data';
import { PALETTE, withAlpha } from '../chart-palette';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

registerChartParts(LineController, LineElement, PointElement, Filler);

const P10_DATASET = 2;
const EVENT_FILL = withAlpha(PALETTE.orange, 0.13);
const EVENT_TEXT = '#8a5a00';
const CLOSED_FILL = 'rgba(100, 116, 139, 0.22)';

/**
 * History and forecast of one queue per day: actual contacts, the P50 forecast with its P10–P90 band
 * shaded, each event window shaded and named above the plot, closed days greyed and labelled.
 */
@Component({
  selector: 'pp-forecast-band-chart',
  template: `<div class="frame">
    <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
  </div>`,
  styles: `
    .frame {
      position: relative;
      height: 380px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForecastBandChartComponent {
  readonly data = input.required<ForecastChartData>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'line', (number | null)[], string> | null = null;
  private shown: ForecastChartData | null = null;

  protected readonly summary = computed(() => {
    const data = this.data();
    if (data.forecastStartIndex < 0) return `${data.queueName}: no forecast days.`;
    const from = data.dates[data.forecastStartIndex];
    const to = data.dates[data.dates.length - 1];
    const windows = data.eventWindows.map((span) => span.name);
    return `Forecast of contacts per day for ${data.queueName} from ${from} to ${to}, median total ${formatNumber(data.totalP50)}, with its P10 to P90 band. Event windows: ${windows.length ? [...new Set(windows)].join(', ') : 'none'}. ${data.closedIndexes.length} closed days.`;
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.data()) });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(data: ForecastChartData): void {
    this.shown = data;
    if (this.chart) {
      this.chart.data.labels = data.dates;
      const [actual, p50, p10, p90] = this.chart.data.datasets;
      actual.data = data.actual;
      p50.data = data.p50;
      p10.data = data.p10;
      p90.data = data.p90;
      this.chart.options.plugins!.title!.text = this.titleOf(data);
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas().nativeElement, this.configuration(data));
  }

  private titleOf(data: ForecastChartData): string {
    return `${data.queueName}: contacts per day, history and forecast`;
  }

  private configuration(data: ForecastChartData): ChartConfiguration<'line', (number | null)[], string> {
    const line = { pointRadius: 0, pointHoverRadius: 3, tension: 0, spanGaps: false };
    return {
      type: 'line',
      data: {
        labels: data.dates,
        datasets: [
          {
            label: 'Actual',
            data: data.actual,
            borderColor: PALETTE.black,
            backgroundColor: PALETTE.black,
            borderWidth: 1.5,
            ...line,
          },
          {
            label: 'Forecast (P50)',
            data: data.p50,
            borderColor: PALETTE.blue,
            backgroundColor: PALETTE.blue,
            borderWidth: 2,
            ...line,
          },
          {
            label: 'P10',
            data: data.p10,
            borderColor: withAlpha(PALETTE.skyBlue, 0.9),
            borderWidth: 0.5,
            fill: false,
            ...line,
          },
          {
            label: 'P10–P90 band',
            data: data.p90,
            borderColor: withAlpha(PALETTE.skyBlue, 0.9),
            backgroundColor: withAlpha(PALETTE.skyBlue, 0.35),
            borderWidth: 0.5,
            fill: '-1',
            ...line,
          },
        ],
      },
      options: {
        ...BASE_CHART_OPTIONS,
        scales: {
          x: {
            title: axisTitle('date'),
            grid: { color: PALETTE.grid },
            ticks: {
              color: PALETTE.text,
              maxRotation: 0,
              autoSkipPadding: 20,
              callback: (_value, index) => {
                const date = this.shown?.dates[index];
                return date ? formatCalendarDate(date, 'day-month') : '';
              },
            },
          },
          y: {
            beginAtZero: true,
            title: axisTitle('contacts per day'),
            grid: { color: PALETTE.grid },
            ticks: { color: PALETTE.text, callback: (value) => formatNumber(Number(value)) },
          },
        },
        plugins: {
          title: { ...chartTitle(this.titleOf(data)), padding: { bottom: 4 } },
          legend: {
            ...LEGEND_POSITION,
            labels: {
              color: PALETTE.text,
              boxWidth: 14,
              // The band's lower edge is part of the band, not an entry of its own; the shaded event
              // windows and closed days get entries of their own.
              generateLabels: (chart) => [
                ...Chart.defaults.plugins.legend.labels
                  .generateLabels(chart)
                  .filter((item) => item.datasetIndex !== P10_DATASET),
                {
                  text: 'Event window',
                  fillStyle: EVENT_FILL,
                  strokeStyle: EVENT_TEXT,
                  lineWidth: 1,
                  fontColor: PALETTE.text,
                },
                {
                  text: 'Closed day',
                  fillStyle: CLOSED_FILL,
                  strokeStyle: '#64748b',
                  lineWidth: 1,
                  fontColor: PALETTE.text,
                },
              ],
            },
            onClick: (event, item, legend) => {
              if (item.datasetIndex === undefined) return;
              Chart.defaults.plugins.legend.onClick.call(legend, event, item, legend);
            },
          },
          tooltip: {
            callbacks: {
              title: (items) => {
                const index = items[0]?.dataIndex ?? -1;
                const date = this.shown?.dates[index];
                if (!date) return '';
                const windows = (this.shown?.eventWindows ?? []).filter(
                  (span) => index >= span.startIndex && index <= span.endIndex,
                );
                const closed = this.shown?.closedIndexes.includes(index) ? ' · closed' : '';
                const names = windows.length
                  ? ` · ${[...new Set(windows.map((span) => span.name))].join(', ')}`
                  : '';
                return `${formatCalendarDate(date)}${closed}${names}`;
              },
              label: (item) => {
                if (item.parsed.y === null) return '';
                const label =
                  item.datasetIndex === P10_DATASET
                    ? 'P10'
                    : item.datasetIndex === 3
                      ? 'P90'
                      : item.dataset.label;
                return `${label}: ${formatNumber(item.parsed.y)} contacts`;
              },
            },
          },
        },
      },
      plugins: [windowsAndClosedDays(() => this.shown)],
    };
  }
}

/** Shades each event window and closed day behind the lines, and writes the event names above the plot. */
function windowsAndClosedDays(current: () => ForecastChartData | null): Plugin<'line'> {
  return {
    id: 'ppForecastWindows',
    beforeDatasetsDraw(chart) {
      const data = current();
      if (!data) return;
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      const half = data.dates.length > 1 ? (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 : 10;
      ctx.save();
      const labelRows: number[] = [];
      data.eventWindows.forEach((span) => {
        const left = x.getPixelForValue(span.startIndex) - half;
        const right = x.getPixelForValue(span.endIndex) + half;
        ctx.fillStyle = EVENT_FILL;
        ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
        // Two rows of names, so overlapping windows (Sinterklaas inside Christmas) stay readable.
        ctx.font = '600 11px system-ui, sans-serif';
        const width = ctx.measureText(span.name).width;
        let row = labelRows.findIndex((end) => end < left);
        if (row === -1) row = labelRows.length < 2 ? labelRows.length : 1;
        labelRows[row] = left + width + 6;
        ctx.fillStyle = EVENT_TEXT;
        // Inside the top of the plot, on the shaded window: above it sit the title and legend.
        ctx.fillText(span.name, Math.max(chartArea.left, left) + 3, chartArea.top + 12 + row * 13);
      });
      ctx.fillStyle = CLOSED_FILL;
      for (const index of data.closedIndexes) {
        const center = x.getPixelForValue(index);
        ctx.fillRect(center - half, chartArea.top, half * 2, chartArea.bottom - chartArea.top);
      }
      if (data.closedIndexes.length > 0 && half * 2 >= 6) {
        ctx.fillStyle = '#475569';
        ctx.font = '10px system-ui, sans-serif';
        for (const index of data.closedIndexes) {
          ctx.save();
          ctx.translate(x.getPixelForValue(index) + 3, chartArea.bottom - 4);
          ctx.rotate(-Math.PI / 2);
          ctx.fillText('closed', 0, 0);
          ctx.restore();
        }
      }
      if (data.forecastStartIndex > 0) {
        const start = x.getPixelForValue(data.forecastStartIndex) - half;
        ctx.strokeStyle = PALETTE.text;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(start, chartArea.top);
        ctx.lineTo(start, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = PALETTE.text;
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText('forecast →', start + 4, chartArea.bottom - 6);
      }
      ctx.restore();
    },
  };
}
