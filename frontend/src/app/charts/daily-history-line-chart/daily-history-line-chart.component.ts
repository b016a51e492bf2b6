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
import { Chart, ChartConfiguration, LineController, LineElement, PointElement, TooltipItem } from 'chart.js';

import type { DailyHistoryChartData, EventMarker } from '../../planning/daily-history-chart-data';
import { formatCalendarDate, formatNumber, localeDateFormat } from '../../core/format/organisation-format';
import { COLORS, EVENT_DATASET_INDEX, eventDayLines, markerLabel } from './event-day-lines.plugin';
import type { ZoomWindow } from '../../planning/history-zoom';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

registerChartParts(LineController, LineElement, PointElement);

// Formats in the organisation's locale at the time of drawing (it is loaded at sign-in).
const monthTick = localeDateFormat({ month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayTick = localeDateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' });
/** Up to about half a year a tick names the day; beyond that, the month. */
const DAY_TICKS_UP_TO_DAYS = 200;
const tooltipDate = localeDateFormat({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const wholeNumber = { format: (value: number) => formatNumber(value) };

function asUtcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * Daily contact history of one queue as a line chart: offered, handled and (hidden until chosen in
 * the legend) abandoned contacts per day, with each event day marked by a dashed vertical line, its
 * name written at the top and a diamond at the day's volume; a day of a closed event is a shaded band
 * labelled "closed" (no diamond at zero). `window` zooms the date axis to an index range. Owns its
 * canvas; updates when `data` or `window` changes; destroys the chart with the component.
 */
@Component({
  selector: 'pp-daily-history-line-chart',
  template: `
    <div class="frame">
      <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
    </div>
    @if (visibleMarkers().length > 0) {
      <ul class="event-days" aria-label="Event days shown" data-testid="event-labels">
        @for (marker of visibleMarkers(); track marker.date) {
          <li [class.closed]="marker.closed">
            <span class="date">{{ dayText(marker.date) }}</span> {{ label(marker) }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: var(--chart-height, 340px);
    }
    .event-days {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.9rem;
      list-style: none;
      margin: 0.4rem 0 0;
      padding: 0;
      font-size: 0.75rem;
      color: #9a3412;
    }
    .event-days .closed {
      color: #1e293b;
      font-weight: 600;
    }
    .event-days .date {
      color: #334155;
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DailyHistoryLineChartComponent {
  readonly data = input.required<DailyHistoryChartData>();
  /** Shown above the chart; defaults to the queue's name. */
  readonly title = input<string>();
  /** The visible days (indices into `data.dates`); null shows the whole range. */
  readonly window = input<ZoomWindow | null>(null);

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
    const closed = data.eventMarkers.filter((marker) => marker.closed).length;
    const events = data.eventMarkers.length
      ? ` ${data.eventMarkers.length} event days marked${closed ? `, ${closed} of them closed` : ''}.`
      : '';
    return `Line chart of contacts per day for ${data.queueName}, ${range}: ${data.daysWithHistory} days with history.${peak}${events}`;
  });

  /** The event days inside the zoom window, named under the chart too (in words, for every reader). */
  protected readonly visibleMarkers = computed(() => {
    const window = this.window();
    const markers = this.data().eventMarkers;
    return window
      ? markers.filter((marker) => marker.index >= window.min && marker.index <= window.max)
      : markers;
  });

  protected label(marker: EventMarker): string {
    return markerLabel(marker);
  }

  protected dayText(date: string): string {
    return formatCalendarDate(date, 'day-month');
  }

  constructor() {
    afterRenderEffect({
      write: () => {
        const data = this.data();
        const title = this.title() ?? `${data.queueName}: contacts per day`;
        this.draw(data, title, this.window());
      },
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(data: DailyHistoryChartData, title: string, window: ZoomWindow | null): void {
    this.shown = data;
    const eventPoints = data.dates.map(() => null as number | null);
    // A closed day has its band and label; a diamond at zero would read as a day without contacts.
    for (const marker of data.eventMarkers)
      if (!marker.closed) eventPoints[marker.index] = marker.offered ?? 0;

    if (this.chart) {
      this.chart.data.labels = data.dates;
      this.chart.data.datasets[0].data = data.offered;
      this.chart.data.datasets[1].data = data.handled;
      this.chart.data.datasets[2].data = data.abandoned;
      this.chart.data.datasets[EVENT_DATASET_INDEX].data = eventPoints;
      if (this.chart.options.plugins?.title) this.chart.options.plugins.title.text = title;
      this.zoomTo(window);
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas().nativeElement, this.configuration(data, eventPoints, title));
    this.zoomTo(window);
    this.chart.update('none');
  }

  private zoomTo(window: ZoomWindow | null): void {
    const x = this.chart?.options.scales?.['x'];
    if (!x) return;
    x.min = window?.min;
    x.max = window?.max;
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
              // On a category axis the value is the index into the dates, also when zoomed.
              callback: (value) => {
                const date = this.shown?.dates[Number(value)];
                if (!date) return '';
                const window = this.window();
                const visibleDays = window ? window.max - window.min + 1 : (this.shown?.dates.length ?? 0);
                return (visibleDays <= DAY_TICKS_UP_TO_DAYS ? dayTick : monthTick).format(asUtcDate(date));
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
              footer: (items) => {
                const index = items[0]?.dataIndex ?? -1;
                const marker = this.shown?.eventMarkers.find((candidate) => candidate.index === index);
                return marker?.closed ? `Closed: ${marker.names.join(', ')}` : '';
              },
            },
          },
        },
      },
      plugins: [
        eventDayLines(
          () => this.shown,
          () => this.window(),
        ),
      ],
    };
  }
}
