import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { formatCalendarDate, formatNumber } from '../../core/format/organisation-format';
import { binColour, heatmapBins, type HeatmapData } from './heatmap-data';

const CELL_WIDTH = 9;
const CELL_HEIGHT = 14;
const LEFT = 92;
const TOP = 30;

/**
 * Days × times of day as an SVG heatmap (chart.js has no matrix chart and none may be installed):
 * one cell per interval with its figures in a title (the tooltip), a legend of whole-agent bins in a
 * colour-blind-safe sequential palette, and the busiest cells in words for those who cannot see it.
 */
@Component({
  selector: 'pp-staffing-heatmap',
  template: `
    <figure class="heatmap">
      <figcaption id="heatmap-title">{{ data().title }}</figcaption>
      <div class="scroll">
        <svg
          role="img"
          aria-labelledby="heatmap-title heatmap-summary"
          [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
          [attr.width]="width()"
          [attr.height]="height()"
          data-testid="heatmap"
        >
          <desc id="heatmap-summary">{{ summary() }}</desc>
          <text class="axis" [attr.x]="LEFT" y="10">Local time of day (one column per interval) →</text>
          <text class="axis" x="0" y="10">Day ↓</text>
          @for (tick of ticks(); track tick.clock) {
            <text class="tick" [attr.x]="tick.x" [attr.y]="TOP - 4">{{ tick.clock }}</text>
          }
          @for (date of data().dates; track date; let row = $index) {
            <text class="tick" [attr.x]="LEFT - 4" [attr.y]="TOP + row * CELL_HEIGHT + 10" text-anchor="end">
              {{ day(date) }}
            </text>
          }
          @for (cell of painted(); track cell.key) {
            <rect
              [attr.x]="cell.x"
              [attr.y]="cell.y"
              [attr.width]="CELL_WIDTH - 1"
              [attr.height]="CELL_HEIGHT - 1"
              [attr.fill]="cell.fill"
              [attr.data-cell]="cell.key"
              [attr.data-value]="cell.value"
            >
              <title>{{ cell.title }}</title>
            </rect>
          }
        </svg>
      </div>
      <ul class="legend" aria-label="Legend: agents per interval">
        @for (bin of bins(); track bin.from) {
          <li>
            <span class="swatch" [style.background]="bin.colour" aria-hidden="true"></span>
            {{ bin.from === bin.to ? number(bin.from) : number(bin.from) + '–' + number(bin.to) }}
          </li>
        }
        <li class="unit">agents ({{ data().metricLabel.toLowerCase() }})</li>
      </ul>
    </figure>
  `,
  styles: `
    .heatmap {
      margin: 0 0 1rem;
    }
    figcaption {
      font-weight: 700;
      font-size: 0.9rem;
      margin-bottom: 0.35rem;
    }
    .scroll {
      overflow-x: auto;
    }
    .axis,
    .tick {
      font-size: 9px;
      fill: #334155;
    }
    .axis {
      font-weight: 700;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      list-style: none;
      padding: 0;
      margin: 0.4rem 0 0;
      font-size: 0.8rem;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 0.3rem;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      border: 1px solid rgba(15, 23, 42, 0.2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingHeatmapComponent {
  readonly data = input.required<HeatmapData>();

  protected readonly LEFT = LEFT;
  protected readonly TOP = TOP;
  protected readonly CELL_WIDTH = CELL_WIDTH;
  protected readonly CELL_HEIGHT = CELL_HEIGHT;

  protected readonly bins = computed(() => heatmapBins(this.data().max));
  protected readonly width = computed(() => LEFT + this.data().clocks.length * CELL_WIDTH + 4);
  protected readonly height = computed(() => TOP + this.data().dates.length * CELL_HEIGHT + 2);
  /** A label every two hours (every 8th quarter-hour, 4th half-hour …). */
  protected readonly ticks = computed(() =>
    this.data()
      .clocks.map((clock, column) => ({ clock, x: LEFT + column * CELL_WIDTH }))
      .filter((tick) => tick.clock.endsWith(':00') && Number(tick.clock.slice(0, 2)) % 2 === 0),
  );
  protected readonly painted = computed(() => {
    const data = this.data();
    const bins = this.bins();
    const label = data.metricLabel.toLowerCase();
    // One date label per row, not per cell: thousands of cells repaint on every recompute.
    const dayLabels = new Map(data.dates.map((date) => [date, formatCalendarDate(date)]));
    return data.cells.map((cell) => ({
      key: `${cell.date} ${cell.clock}`,
      x: LEFT + cell.column * CELL_WIDTH,
      y: TOP + cell.row * CELL_HEIGHT,
      value: cell.value,
      fill: binColour(cell.value, bins),
      title:
        `${dayLabels.get(cell.date)} ${cell.clock}: ${label} ${formatNumber(cell.value)} agents ` +
        `(required ${formatNumber(cell.required)}, scheduled ${formatNumber(cell.scheduled)}, ` +
        `core ${formatNumber(cell.core)}, pool gap ${formatNumber(cell.poolGap)})`,
    }));
  });
  protected readonly summary = computed(() => {
    const data = this.data();
    if (data.cells.length === 0) return 'No intervals.';
    const top = [...data.cells].sort((a, b) => b.value - a.value).slice(0, 3);
    return (
      `${data.dates.length} days × ${data.clocks.length} intervals; highest: ` +
      top
        .map((cell) => `${formatCalendarDate(cell.date)} ${cell.clock} ${formatNumber(cell.value)} agents`)
        .join(', ')
    );
  });

  protected day(date: string): string {
    return formatCalendarDate(date);
  }

  protected number(value: number): string {
    return formatNumber(value);
  }
}
