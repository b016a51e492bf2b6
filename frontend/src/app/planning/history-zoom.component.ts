import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { HistoryZoomLevel } from './history-zoom';

const LEVELS: { level: HistoryZoomLevel; label: string }[] = [
  { level: 'all', label: 'Whole range' },
  { level: 'year', label: 'Year' },
  { level: 'week', label: 'Week' },
  { level: 'day', label: 'Day' },
];

/** Zoom buttons of the history charts (one pressed), and earlier/later while zoomed in. */
@Component({
  selector: 'pp-history-zoom',
  template: `
    <div class="zoom" role="group" aria-label="Zoom the history charts">
      @for (option of levels; track option.level) {
        <button
          type="button"
          class="button secondary"
          [attr.aria-pressed]="level() === option.level"
          (click)="levelChange.emit(option.level)"
        >
          {{ option.label }}
        </button>
      }
      @if (level() !== 'all') {
        <button type="button" class="button secondary" [disabled]="atStart()" (click)="pan.emit(-1)">
          ← Earlier
        </button>
        <button type="button" class="button secondary" [disabled]="atEnd()" (click)="pan.emit(1)">
          Later →
        </button>
        <span class="shown" aria-live="polite">{{ shown() }}</span>
      }
    </div>
  `,
  styles: `
    .zoom {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem;
    }
    .zoom .button {
      padding: 0.3rem 0.7rem;
      font-size: 0.85rem;
    }
    .zoom .button[aria-pressed='true'] {
      background: var(--accent);
      border-color: var(--accent);
      color: #fff;
    }
    .shown {
      font-size: 0.85rem;
      color: var(--text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryZoomComponent {
  readonly level = input.required<HistoryZoomLevel>();
  readonly atStart = input(false);
  readonly atEnd = input(false);
  /** The days shown, in words. */
  readonly shown = input('');
  readonly levelChange = output<HistoryZoomLevel>();
  readonly pan = output<-1 | 1>();

  protected readonly levels = LEVELS;
}
