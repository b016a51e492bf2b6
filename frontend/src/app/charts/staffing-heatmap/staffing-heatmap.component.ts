import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  input,
  signal,
  viewChild,
} from '@angular/core';

import { formatCalendarDate, formatNumber } from '../../core/format/organisation-format';
import { PALETTE } from '../chart-palette';
import { binColour, heatmapBins, type HeatmapData } from './heatmap-data';
import {
  daySummaries,
  describeCell,
  gridPositionAt,
  HEATMAP_LAYOUT,
  heatmapGrid,
  heatmapSize,
  highestCells,
} from './heatmap-layout';

const { cellWidth, cellHeight, left, top } = HEATMAP_LAYOUT;
const FONT = '9px system-ui, sans-serif';

/** The grid position shown in the tooltip, and whether the mouse or the keyboard put it there. */
interface Pointed {
  row: number;
  column: number;
  by: 'mouse' | 'keyboard';
}

/**
 * Days × times of day on one canvas (chart.js has no matrix chart and none may be installed; thousands
 * of SVG cells made every recompute slow): a cell per interval in a colour-blind-safe sequential palette
 * with a legend of whole-agent bins, a tooltip with the cell's figures on hover or with the arrow keys
 * (read out as well), and for screen readers a summary in the label and a table of each day's peak.
 */
@Component({
  selector: 'pp-staffing-heatmap',
  template: `
    <figure class="heatmap">
      <figcaption id="heatmap-title">{{ data().title }}</figcaption>
      <div class="scroll">
        <div class="plot" [style.width.px]="size().width" [style.height.px]="size().height">
          <canvas
            #canvas
            role="img"
            tabindex="0"
            aria-labelledby="heatmap-title heatmap-summary"
            aria-describedby="heatmap-keys"
            data-testid="heatmap"
            [attr.data-left]="left"
            [attr.data-top]="top"
            [attr.data-cell-width]="cellWidth"
            [attr.data-cell-height]="cellHeight"
            [style.width.px]="size().width"
            [style.height.px]="size().height"
            (mousemove)="hover($event)"
            (mouseleave)="leave()"
            (blur)="leave()"
            (keydown)="key($event)"
          ></canvas>
          @if (tooltip(); as tip) {
            <div
              class="marker"
              aria-hidden="true"
              [style.left.px]="tip.x - 1"
              [style.top.px]="tip.y - 1"
              [style.width.px]="cellWidth"
              [style.height.px]="cellHeight"
            ></div>
            <div
              class="tooltip"
              role="tooltip"
              data-testid="heatmap-tooltip"
              [attr.data-cell]="tip.key"
              [attr.data-value]="tip.value"
              [style.left.px]="tip.tipX"
              [style.top.px]="tip.tipY"
            >
              {{ tip.text }}
            </div>
          }
        </div>
      </div>
      <p id="heatmap-summary" class="visually-hidden">{{ summary() }}</p>
      <p id="heatmap-keys" class="visually-hidden">
        Arrow keys move from interval to interval, Home and End to the first and last of the day.
      </p>
      <p class="visually-hidden" aria-live="polite">{{ announced() }}</p>
      <table class="visually-hidden" data-testid="heatmap-days">
        <caption>
          Each day's highest interval:
          {{
            metricName()
          }}
          in agents
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Highest (agents)</th>
            <th scope="col">At</th>
            <th scope="col">Intervals above 0</th>
          </tr>
        </thead>
        <tbody>
          @for (day of days(); track day.date; let row = $index) {
            <tr>
              <th scope="row">{{ dayLabels()[row] }}</th>
              <td>{{ number(day.highest) }}</td>
              <td>{{ day.highestAt }}</td>
              <td>{{ number(day.intervalsAboveZero) }} of {{ number(day.intervals) }}</td>
            </tr>
          }
        </tbody>
      </table>
      <ul class="legend" aria-label="Legend: agents per interval">
        @for (bin of bins(); track bin.from) {
          <li>
            <span class="swatch" [style.background]="bin.colour" aria-hidden="true"></span>
            {{ bin.from === bin.to ? number(bin.from) : number(bin.from) + '–' + number(bin.to) }}
          </li>
        }
        <li class="unit">agents ({{ metricName() }})</li>
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
    .plot {
      position: relative;
    }
    canvas {
      display: block;
    }
    canvas:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
    .marker {
      position: absolute;
      border: 2px solid #0f172a;
      pointer-events: none;
      box-sizing: border-box;
    }
    .tooltip {
      position: absolute;
      width: 17rem;
      padding: 0.3rem 0.5rem;
      background: rgba(15, 23, 42, 0.92);
      color: #fff;
      font-size: 0.75rem;
      border-radius: 4px;
      pointer-events: none;
      z-index: 1;
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
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
      border: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingHeatmapComponent {
  readonly data = input.required<HeatmapData>();

  protected readonly left = left;
  protected readonly top = top;
  protected readonly cellWidth = cellWidth;
  protected readonly cellHeight = cellHeight;

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly pointed = signal<Pointed | null>(null);

  protected readonly metricName = computed(() => this.data().metricLabel.toLowerCase());
  protected readonly bins = computed(() => heatmapBins(this.data().max));
  protected readonly size = computed(() => heatmapSize(this.data()), {
    equal: (a, b) => a.width === b.width && a.height === b.height,
  });
  /** Each row's date label; the same array while the days stay the same (a slider moves the values only). */
  protected readonly dayLabels = computed(() => this.data().dates.map((date) => formatCalendarDate(date)), {
    equal: (a, b) => a.length === b.length && a.every((label, index) => label === b[index]),
  });
  private readonly grid = computed(() => heatmapGrid(this.data()));
  protected readonly days = computed(() => daySummaries(this.data()));
  protected readonly summary = computed(() => {
    const data = this.data();
    if (data.cells.length === 0) return 'No intervals.';
    return (
      `${data.dates.length} days × ${data.clocks.length} intervals; highest: ` +
      highestCells(data.cells, 3)
        .map((cell) => `${formatCalendarDate(cell.date)} ${cell.clock} ${formatNumber(cell.value)} agents`)
        .join(', ')
    );
  });
  protected readonly tooltip = computed(() => {
    const point = this.pointed();
    if (!point) return null;
    const data = this.data();
    if (point.row >= data.dates.length || point.column >= data.clocks.length) return null;
    const index = this.grid()[point.row * data.clocks.length + point.column];
    const x = left + point.column * cellWidth;
    const y = top + point.row * cellHeight;
    const dayLabel = this.dayLabels()[point.row];
    const clock = data.clocks[point.column];
    const cell = index >= 0 ? data.cells[index] : null;
    const { width, height } = this.size();
    return {
      x,
      y,
      // Right of the cell, or left of it near the right edge; above it near the bottom.
      tipX: x + cellWidth + 6 + 272 > width ? Math.max(0, x - 278) : x + cellWidth + 6,
      tipY: y + 64 > height ? Math.max(0, y - 56) : y,
      key: `${data.dates[point.row]} ${clock}`,
      value: cell ? cell.value : null,
      text: cell
        ? describeCell(cell, data.metricLabel, dayLabel, formatNumber)
        : `${dayLabel} ${clock}: no interval`,
      by: point.by,
    };
  });
  /** Read out as the arrow keys move, not as the mouse does (a mouse user sees the tooltip). */
  protected readonly announced = computed(() => {
    const tip = this.tooltip();
    return tip?.by === 'keyboard' ? tip.text : '';
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.data(), this.dayLabels()) });
  }

  protected hover(event: MouseEvent): void {
    const position = gridPositionAt(this.data(), event.offsetX, event.offsetY);
    const current = this.pointed();
    if (!position) return this.pointed.set(null);
    if (current?.row === position.row && current.column === position.column) return;
    this.pointed.set({ ...position, by: 'mouse' });
  }

  protected leave(): void {
    this.pointed.set(null);
  }

  protected key(event: KeyboardEvent): void {
    const data = this.data();
    const rows = data.dates.length;
    const columns = data.clocks.length;
    if (rows === 0 || columns === 0) return;
    const from = this.pointed() ?? { row: 0, column: 0 };
    const moves: Record<string, { row: number; column: number }> = {
      ArrowRight: { row: from.row, column: from.column + 1 },
      ArrowLeft: { row: from.row, column: from.column - 1 },
      ArrowDown: { row: from.row + 1, column: from.column },
      ArrowUp: { row: from.row - 1, column: from.column },
      Home: { row: from.row, column: 0 },
      End: { row: from.row, column: columns - 1 },
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    // The first key shows where the reading starts, the top left.
    const target = this.pointed() === null ? { row: 0, column: 0 } : to;
    this.pointed.set({
      row: Math.min(rows - 1, Math.max(0, target.row)),
      column: Math.min(columns - 1, Math.max(0, target.column)),
      by: 'keyboard',
    });
  }

  protected number(value: number): string {
    return formatNumber(value);
  }

  /** Paints axis titles, time and day labels and the cells; one fill per cell, no DOM per cell. */
  private draw(data: HeatmapData, dayLabels: readonly string[]): void {
    const canvas = this.canvas().nativeElement;
    const { width, height } = heatmapSize(data);
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.fillStyle = PALETTE.text;
    context.textBaseline = 'alphabetic';
    context.font = `bold ${FONT}`;
    context.textAlign = 'left';
    context.fillText('Local time of day (one column per interval) →', left, 10);
    context.fillText('Day ↓', 0, 10);
    context.font = FONT;
    // A label every two hours (every 8th quarter-hour, 4th half-hour …).
    data.clocks.forEach((clock, column) => {
      if (clock.endsWith(':00') && Number(clock.slice(0, 2)) % 2 === 0)
        context.fillText(clock, left + column * cellWidth, top - 4);
    });
    context.textAlign = 'right';
    dayLabels.forEach((label, row) => context.fillText(label, left - 4, top + row * cellHeight + 10));
    const bins = heatmapBins(data.max);
    for (const cell of data.cells) {
      context.fillStyle = binColour(cell.value, bins);
      context.fillRect(
        left + cell.column * cellWidth,
        top + cell.row * cellHeight,
        cellWidth - 1,
        cellHeight - 1,
      );
    }
  }
}
