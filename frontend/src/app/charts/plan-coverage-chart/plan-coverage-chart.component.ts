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
  Filler,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

import type { CoverageRow } from '../../staffing/coverage-view';
import { formatNumber } from '../../core/format/organisation-format';
import { PALETTE, withAlpha } from '../chart-palette';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  LEGEND_POSITION,
  registerChartParts,
} from '../chart-setup';

registerChartParts(BarController, BarElement, LineController, LineElement, PointElement, Filler);

type CoverageChart = Chart<'bar' | 'line', number[], string>;

/**
 * Coverage of one queue on one day: the pool gap per interval as bars, the places published and the
 * members confirmed as stepped lines over them. Owns its canvas; updates in place when the rows change
 * (a refresh), destroys the chart with the component.
 */
@Component({
  selector: 'pp-plan-coverage-chart',
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
export class PlanCoverageChartComponent {
  readonly rows = input.required<CoverageRow[]>();
  readonly title = input.required<string>();
  readonly timeZone = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: CoverageChart | null = null;

  protected readonly summary = computed(() => {
    const rows = this.rows();
    const short = rows.filter((row) => row.short > 0).length;
    return `${this.title()}: ${rows.length} intervals, ${short} still short of confirmed members.`;
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.rows(), this.title(), this.timeZone()) });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private draw(rows: CoverageRow[], title: string, timeZone: string): void {
    const labels = rows.map((row) => row.time);
    const series = [
      rows.map((row) => row.poolGap),
      rows.map((row) => row.published),
      rows.map((row) => row.confirmed),
    ];
    if (this.chart) {
      this.chart.data.labels = labels;
      series.forEach((values, index) => (this.chart!.data.datasets[index].data = values));
      if (this.chart.options.plugins?.title) this.chart.options.plugins.title.text = title;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas().nativeElement, this.configuration(labels, series, title, timeZone));
  }

  private configuration(
    labels: string[],
    [gap, published, confirmed]: number[][],
    title: string,
    timeZone: string,
  ): ChartConfiguration<'bar' | 'line', number[], string> {
    const step = { stepped: 'middle' as const, pointRadius: 0, pointHoverRadius: 3, borderWidth: 2 };
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: 'Pool gap',
            data: gap,
            backgroundColor: withAlpha(PALETTE.skyBlue, 0.6),
            borderColor: PALETTE.skyBlue,
            borderWidth: 0,
            barPercentage: 1,
            categoryPercentage: 1,
            order: 3,
          },
          {
            type: 'line',
            label: 'Places published',
            data: published,
            borderColor: PALETTE.orange,
            backgroundColor: PALETTE.orange,
            borderDash: [6, 4],
            ...step,
            order: 2,
          },
          {
            type: 'line',
            label: 'Confirmed',
            data: confirmed,
            borderColor: PALETTE.bluishGreen,
            backgroundColor: PALETTE.bluishGreen,
            ...step,
            order: 1,
          },
        ],
      },
      options: {
        ...BASE_CHART_OPTIONS,
        scales: {
          x: {
            title: axisTitle(`interval start (local time, ${timeZone})`),
            grid: { color: PALETTE.grid },
            ticks: { color: PALETTE.text, autoSkip: true, maxTicksLimit: 16, maxRotation: 0 },
          },
          y: {
            beginAtZero: true,
            title: axisTitle('agents (people)'),
            grid: { color: PALETTE.grid },
            ticks: { color: PALETTE.text, precision: 0 },
          },
        },
        plugins: {
          title: chartTitle(title),
          legend: {
            ...LEGEND_POSITION,
            labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8, color: PALETTE.text },
          },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y ?? 0)} agents`,
              footer: (items) => {
                // The rows shown now: the chart updates in place on a refresh.
                const row = this.rows()[items[0]?.dataIndex ?? -1];
                if (!row) return '';
                return row.short > 0 ? `Short by ${formatNumber(row.short)}` : 'Gap covered';
              },
            },
          },
        },
      },
    };
  }
}
