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
  BarController,
  BarElement,
  Chart,
  ChartConfiguration,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

import { formatCalendarDate, formatNumber } from '../../core/format/organisation-format';
import type { DayBarsData } from '../../scenarios/scenario-figures';
import { PALETTE } from '../chart-palette';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

registerChartParts(BarController, BarElement, LineController, LineElement, PointElement);

type DayBarsChart = Chart<'bar' | 'line', number[], string>;

/** Agent hours per day: core staff used and the pool gap stacked (together: scheduled), required hours as a line. */
@Component({
  selector: 'pp-staffing-day-bars',
  template: `<div class="frame">
    <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
  </div>`,
  styles: `
    .frame {
      position: relative;
      height: 320px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingDayBarsComponent {
  readonly data = input.required<DayBarsData>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: DayBarsChart | null = null;
  private shown: DayBarsData | null = null;

  protected readonly summary = computed(() => {
    const data = this.data();
    const pool = data.poolHours.reduce((sum, value) => sum + value, 0);
    const core = data.coreUsedHours.reduce((sum, value) => sum + value, 0);
    return `Bar chart of agent hours per day over ${data.dates.length} days: core staff used ${formatNumber(core)} hours, pool gap ${formatNumber(pool)} hours.`;
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.data()) });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(data: DayBarsData): void {
    this.shown = data;
    if (this.chart) {
      this.chart.data.labels = data.dates;
      this.chart.data.datasets[0].data = data.coreUsedHours;
      this.chart.data.datasets[1].data = data.poolHours;
      this.chart.data.datasets[2].data = data.requiredHours;
      this.chart.options.plugins!.title!.text = data.title;
      this.chart.update('none');
      return;
    }
    const configuration: ChartConfiguration<'bar' | 'line', number[], string> = {
      type: 'bar',
      data: {
        labels: data.dates,
        datasets: [
          {
            type: 'bar',
            label: 'Core staff used',
            data: data.coreUsedHours,
            backgroundColor: PALETTE.bluishGreen,
            stack: 'scheduled',
          },
          {
            type: 'bar',
            label: 'Pool gap',
            data: data.poolHours,
            backgroundColor: PALETTE.vermillion,
            stack: 'scheduled',
          },
          {
            type: 'line',
            label: 'Required (productive)',
            data: data.requiredHours,
            borderColor: PALETTE.black,
            backgroundColor: PALETTE.black,
            borderWidth: 1.5,
            pointRadius: 2,
          },
        ],
      },
      options: {
        ...BASE_CHART_OPTIONS,
        scales: {
          x: {
            stacked: true,
            title: axisTitle('date'),
            grid: { display: false },
            ticks: {
              color: PALETTE.text,
              maxRotation: 0,
              autoSkipPadding: 16,
              callback: (_value, index) => {
                const date = this.shown?.dates[index];
                return date ? formatCalendarDate(date, 'day-month') : '';
              },
            },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            title: axisTitle('agent hours per day'),
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
              label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y ?? 0, 1)} h`,
            },
          },
        },
      },
    };
    this.chart = new Chart(this.canvas().nativeElement, configuration) as DayBarsChart;
  }
}
