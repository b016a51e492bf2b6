import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { PALETTE, withAlpha } from '../charts/chart-palette';
import { formatCalendarDate, formatNumber } from '../core/format/organisation-format';
import type { TimelineDay } from './shift-timeline';

/**
 * The plan's shifts over the pool gap, one row per day: the gap per interval as columns (agents), the
 * draft shifts as bars (start–end, places) in lanes below, with the hour axis in the organisation's
 * local time. Presentational: takes the mapped days, emits nothing.
 */
@Component({
  selector: 'pp-shift-timeline',
  template: `
    <figure class="timeline" [attr.aria-label]="title()">
      <figcaption>
        <strong class="title">{{ title() }}</strong>
        <ul class="legend" aria-label="Legend">
          <li><span class="swatch gap" aria-hidden="true"></span>Pool gap (agents per interval)</li>
          <li><span class="swatch shift" aria-hidden="true"></span>Shift (places)</li>
          <li><span class="swatch break" aria-hidden="true"></span>Break</li>
        </ul>
      </figcaption>
      @for (day of days(); track day.date) {
        <section class="day" data-testid="timeline-day" [attr.aria-label]="dayLabel(day)">
          <h4>
            {{ date(day.date) }}
            <span class="muted"
              >· {{ number(day.shifts.length) }} shifts, {{ number(day.places) }} places, gap
              {{ number(day.gapHours, 1) }} h (peak {{ number(day.maxGap) }} agents)</span
            >
          </h4>
          <div class="plot">
            <div class="y-label" aria-hidden="true">agents</div>
            <div class="area">
              <div class="gap-row" aria-hidden="true">
                <span class="gap-max">{{ number(day.maxGap) }}</span>
                @for (column of day.gap; track column.start) {
                  <span
                    class="gap-column"
                    [style.left.%]="column.leftPct"
                    [style.width.%]="column.widthPct"
                    [style.height.%]="column.heightPct"
                    [title]="column.start + ': gap ' + column.gap + ' agents'"
                  ></span>
                }
              </div>
              <ol class="lanes" [style.height.rem]="day.lanes * 1.7 + 0.2" aria-label="Shifts">
                @for (bar of day.shifts; track bar.id) {
                  <li
                    class="bar"
                    data-testid="timeline-shift"
                    [style.left.%]="bar.leftPct"
                    [style.width.%]="bar.widthPct"
                    [style.top.rem]="bar.lane * 1.7"
                    [title]="bar.label + ', ' + bar.places + (bar.places === 1 ? ' place' : ' places')"
                  >
                    @if (bar.breakBar; as pause) {
                      <span
                        class="pause"
                        aria-hidden="true"
                        [style.left.%]="pause.leftPct"
                        [style.width.%]="pause.widthPct"
                      ></span>
                    }
                    <span class="bar-text">{{ bar.label }} · {{ bar.places }}×</span>
                  </li>
                }
              </ol>
              <div class="axis" aria-hidden="true">
                @for (tick of day.ticks; track tick.minute) {
                  <span class="tick" [style.left.%]="tick.leftPct">{{ tick.label }}</span>
                }
              </div>
            </div>
          </div>
        </section>
      }
      <p class="x-label muted">Local time ({{ timeZone() }}), hours of the day</p>
    </figure>
  `,
  styles: `
    .timeline {
      margin: 0;
    }
    figcaption {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-bottom: 0.5rem;
    }
    .title {
      font-size: 0.95rem;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 0.8rem;
    }
    .swatch {
      display: inline-block;
      width: 0.8rem;
      height: 0.8rem;
      margin-right: 0.3rem;
      vertical-align: -0.1rem;
      border-radius: 2px;
    }
    .swatch.gap,
    .gap-column {
      background: var(--gap-colour);
    }
    .swatch.shift,
    .bar {
      background: var(--shift-colour);
    }
    .swatch.break,
    .pause {
      background: repeating-linear-gradient(45deg, #fff 0 3px, var(--break-colour) 3px 6px);
    }
    .day {
      border-top: 1px solid var(--border);
      padding: 0.5rem 0 0.25rem;
      break-inside: avoid;
    }
    h4 {
      margin: 0 0 0.35rem;
      font-size: 0.9rem;
    }
    .plot {
      display: grid;
      grid-template-columns: 1.2rem 1fr;
      gap: 0.25rem;
    }
    .y-label {
      writing-mode: vertical-rl;
      transform: rotate(180deg);
      font-size: 0.7rem;
      color: var(--text-muted);
      text-align: center;
    }
    .area {
      position: relative;
    }
    .gap-row {
      position: relative;
      height: 3.5rem;
      border-bottom: 1px solid var(--border);
    }
    .gap-max {
      position: absolute;
      top: 0;
      left: 0;
      font-size: 0.7rem;
      color: var(--text-muted);
    }
    .gap-column {
      position: absolute;
      bottom: 0;
    }
    .lanes {
      position: relative;
      list-style: none;
      margin: 0.2rem 0 0;
      padding: 0;
    }
    .bar {
      position: absolute;
      height: 1.5rem;
      border-radius: 3px;
      color: #fff;
      overflow: hidden;
      white-space: nowrap;
      font-size: 0.72rem;
      line-height: 1.5rem;
    }
    .bar-text {
      position: relative;
      padding: 0 0.3rem;
    }
    .pause {
      position: absolute;
      top: 0;
      bottom: 0;
    }
    .axis {
      position: relative;
      height: 1.1rem;
      border-top: 1px solid var(--border);
    }
    .tick {
      position: absolute;
      transform: translateX(-50%);
      font-size: 0.7rem;
      color: var(--text-muted);
    }
    .x-label {
      margin: 0.25rem 0 0;
      font-size: 0.8rem;
      text-align: center;
    }
  `,
  host: {
    '[style.--gap-colour]': 'colours.gap',
    '[style.--shift-colour]': 'colours.shift',
    '[style.--break-colour]': 'colours.pause',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShiftTimelineComponent {
  readonly days = input.required<TimelineDay[]>();
  readonly queue = input.required<string>();
  readonly timeZone = input.required<string>();

  protected readonly colours = {
    gap: withAlpha(PALETTE.skyBlue, 0.75),
    shift: PALETTE.blue,
    pause: PALETTE.orange,
  };
  protected readonly title = computed(() => `Shifts of ${this.queue()} over the pool gap, per day`);

  protected dayLabel(day: TimelineDay): string {
    return `${this.date(day.date)}: ${day.shifts.length} shifts with ${day.places} places over a gap of ${formatNumber(day.gapHours, 1)} agent-hours`;
  }

  protected date(value: string): string {
    return formatCalendarDate(value, 'long');
  }

  protected number(value: number, digits = 0): string {
    return formatNumber(value, digits);
  }
}
