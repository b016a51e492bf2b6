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
  LineController,
  LineElement,
  Plugin,
  PointElement,
  TooltipItem,
} from 'chart.js';

import type { DailyHistoryChartData } from '../../planning/daily-history-chart-data';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

registerChartParts(LineController, LineElement, PointElement);

const COLORS = {
  offered: '#1d4ed8',
  handled: '#0f766e',
  abandoned: '#b91c1c',
  event: '#c2410c',
  eventLine: 'rgba(194, 65, 12, 0.45)',
  eventText: '#9a3412',
  grid: 'rgba(15, 23, 42, 0.08)',
  text: '#334155',
};

const EVENT_DATASET_INDEX = 3;

const monthTick = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayTick = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** Up to about half a year a tick names the day; beyond that, the month. */
const DAY_TICKS_UP_TO_DAYS = 200;
const tooltipDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function asUtcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * Daily contact history of one queue as a line chart: offered, handled and (hidden until chosen in
 * the legend) abandoned contacts per day, with each event day marked by a dashed vertical line and
 * a diamond that names the event in its tooltip. Owns its canvas; updates when `data` changes;
 * destroys the chart with the component.
 */
@Component({
  selector: 'pp-daily-history-line-chart',
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
      height: var(--chart-height, 340px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DailyHistoryLineChartComponent {
  readonly data = input.required<DailyHistoryChartData>();
  /** Shown above the chart; defaults to the queue's name. */
  readonly title = input<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'line', (number | null)[], string> | null = null;
  /** The data the tooltip and marker callbacks read; replaced on every update. */
  private shown: DailyHistoryChartData | null = null;

  /** What the chart shows, in words, for screen readers. */
  protected readonly summary = computed(() => {
    const data = this.data();
    if (data.dates.length === 0) return `${data.queueName}: no days in the chosen range.`;
    const range = `${data.dates[0]} to ${data.dates[data.dates.length - 1]}`;
    const peak = data.peakDay
      ? ` Busiest day ${data.peakDay.date} with ${data.peakDay.offered} contacts.`
      : '';
    const events = data.eventMarkers.length ? ` ${data.eventMarkers.length} event days marked.` : '';
    return `Line chart of contacts per day for ${data.queueName}, ${range}: ${data.daysWithHistory} days with history.${peak}${events}`;
  });

  constructor() {
    afterRenderEffect({
      write: () => {
        const data = this.data();
        const title = this.title() ?? `${data.queueName}: contacts per day`;
        this.draw(data, title);
      },
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(data: DailyHistoryChartData, title: string): void {
    this.shown = data;
    const eventPoints = data.dates.map(() => null as number | null);
    for (const marker of data.eventMarkers) eventPoints[marker.index] = marker.offered ?? 0;

    if (this.chart) {
      this.chart.data.labels = data.dates;
      this.chart.data.datasets[0].data = data.offered;
      this.chart.data.datasets[1].data = data.handled;
      this.chart.data.datasets[2].data = data.abandoned;
      this.chart.data.datasets[EVENT_DATASET_INDEX].data = eventPoints;
      if (this.chart.options.plugins?.title) this.chart.options.plugins.title.text = title;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas().nativeElement, this.configuration(data, eventPoints, title));
  }

  private configuration(
    data: DailyHistoryChartData,
    eventPoints: (number | null)[],
    title: string,
  ): ChartConfiguration<'line', (number | null)[], string> {
    const lineStyle = { pointRadius: 0, pointHoverRadius: 3, borderWidth: 1.5, spanGaps: false, tension: 0 };
    return {
      type: 'line',
      data: {
        labels: data.dates,
        datasets: [
          {
            label: 'Offered',
            data: data.offered,
            borderColor: COLORS.offered,
            backgroundColor: COLORS.offered,
            ...lineStyle,
          },
          {
            label: 'Handled',
            data: data.handled,
            borderColor: COLORS.handled,
            backgroundColor: COLORS.handled,
            ...lineStyle,
            borderWidth: 1,
          },
          {
            label: 'Abandoned',
            data: data.abandoned,
            borderColor: COLORS.abandoned,
            backgroundColor: COLORS.abandoned,
            ...lineStyle,
            borderWidth: 1,
            hidden: true,
          },
          {
            label: 'Event day',
            data: eventPoints,
            showLine: false,
            pointStyle: 'rectRot',
            pointRadius: 5,
            pointHoverRadius: 7,
            borderColor: '#ffffff',
            borderWidth: 1,
            backgroundColor: COLORS.event,
          },
        ],
      },
      options: {
        ...BASE_CHART_OPTIONS,
        normalized: true,
        scales: {
          x: {
            title: axisTitle('date'),
            grid: { color: COLORS.grid },
            ticks: {
              color: COLORS.text,
              autoSkip: true,
              maxTicksLimit: 12,
              autoSkipPadding: 24,
              maxRotation: 0,
              callback: (_value, index) => {
                const dates = this.shown?.dates ?? [];
                const date = dates[index];
                if (!date) return '';
                return (dates.length <= DAY_TICKS_UP_TO_DAYS ? dayTick : monthTick).format(asUtcDate(date));
              },
            },
          },
          y: {
            beginAtZero: true,
            title: axisTitle('contacts per day'),
            grid: { color: COLORS.grid },
            ticks: { color: COLORS.text, callback: (value) => wholeNumber.format(Number(value)) },
          },
        },
        plugins: {
          title: chartTitle(title),
          legend: {
            ...LEGEND_POSITION,
            labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8, color: COLORS.text },
          },
          tooltip: {
            callbacks: {
              title: (items) => {
                const date = this.shown?.dates[items[0]?.dataIndex ?? -1];
                return date ? tooltipDate.format(asUtcDate(date)) : '';
              },
              label: (item: TooltipItem<'line'>) => {
                if (item.datasetIndex === EVENT_DATASET_INDEX) {
                  const marker = this.shown?.eventMarkers.find(
                    (candidate) => candidate.index === item.dataIndex,
                  );
                  const names = marker?.names.join(', ') ?? 'unknown';
                  // Closed days (Christmas) have no history: say so instead of showing a zero.
                  return marker?.offered === null
                    ? `Event: ${names} (no history that day)`
                    : `Event: ${names}`;
                }
                return `${item.dataset.label}: ${wholeNumber.format(item.parsed.y ?? 0)} contacts`;
              },
            },
          },
        },
      },
      plugins: [eventDayLines(() => this.shown)],
    };
  }
}

/** Draws a dashed vertical line through each event day, behind the tooltip, while "Event day" is shown. */
function eventDayLines(current: () => DailyHistoryChartData | null): Plugin<'line'> {
  return {
    id: 'ppEventDayLines',
    beforeDatasetsDraw(chart) {
      const data = current();
      if (!data || !chart.isDatasetVisible(EVENT_DATASET_INDEX)) return;
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.strokeStyle = COLORS.eventLine;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      for (const marker of data.eventMarkers) {
        const x = scales['x'].getPixelForValue(marker.index);
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
      }
      // Event names at the top of their lines, readable without hovering; a name that would run into
      // the previous one is left to the tooltip. A day without history says so (closed, not zero).
      ctx.setLineDash([]);
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.fillStyle = COLORS.eventText;
      let freeFrom = chartArea.left;
      for (const marker of data.eventMarkers) {
        const x = scales['x'].getPixelForValue(marker.index);
        const label = `${marker.names.join(', ')}${marker.offered === null ? ' (no history)' : ''}`;
        const width = ctx.measureText(label).width;
        const left = Math.min(x + 3, chartArea.right - width);
        if (left < freeFrom) continue;
        ctx.fillText(label, left, chartArea.top + 11);
        freeFrom = left + width + 8;
      }
      ctx.restore();
    },
  };
}
