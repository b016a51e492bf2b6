import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';

import { DateRange, dateRangeProblem, lastDaysRange, lastYearsRange } from '../core/dates/date-range';

interface Preset {
  label: string;
  range: (today: string) => DateRange;
}

const PRESETS: Preset[] = [
  { label: 'Last 90 days', range: (today) => lastDaysRange(today, 90) },
  { label: 'Last year', range: (today) => lastYearsRange(today, 1) },
  { label: 'Last 2 years', range: (today) => lastYearsRange(today, 2) },
  { label: 'Last 4 years', range: (today) => lastYearsRange(today, 4) },
];

/** Picks the history window: quick presets or two dates. Emits only valid ranges. */
@Component({
  selector: 'pp-date-range-selector',
  template: `
    <form class="range" (submit)="$event.preventDefault(); apply()" aria-label="History date range">
      <div class="presets" role="group" aria-label="Quick ranges">
        @for (preset of presets; track preset.label) {
          <button
            type="button"
            class="chip"
            [class.active]="isActive(preset)"
            [attr.aria-pressed]="isActive(preset)"
            (click)="choose(preset.range(today()))"
          >
            {{ preset.label }}
          </button>
        }
      </div>
      <div class="dates">
        <label>
          <span>From</span>
          <input
            type="date"
            name="from"
            [value]="draftFrom()"
            [max]="draftTo()"
            (input)="draftFrom.set(valueOf($event))"
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            name="to"
            [value]="draftTo()"
            [min]="draftFrom()"
            (input)="draftTo.set(valueOf($event))"
          />
        </label>
        <button type="submit" class="button secondary" [disabled]="!!problem() || !changed()">Show</button>
      </div>
      @if (problem(); as message) {
        <p class="problem" role="alert">{{ message }}</p>
      }
    </form>
  `,
  styles: `
    .range {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1.5rem;
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    .chip {
      border: 1px solid var(--border-strong);
      background: var(--surface);
      color: var(--text);
      border-radius: 999px;
      padding: 0.3rem 0.75rem;
      font: inherit;
      font-size: 0.8125rem;
      cursor: pointer;
    }
    .chip:hover {
      border-color: var(--accent);
    }
    .chip.active {
      background: var(--accent-soft);
      border-color: var(--accent);
      color: var(--accent-strong);
      font-weight: 600;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.75rem;
      color: var(--text-muted);
      font-weight: 600;
    }
    input {
      font: inherit;
      font-size: 0.875rem;
      padding: 0.3rem 0.5rem;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      color: var(--text);
      background: var(--surface);
    }
    .problem {
      flex-basis: 100%;
      margin: 0;
      color: var(--danger);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateRangeSelectorComponent {
  readonly range = input.required<DateRange>();
  /** Today's calendar date in the organisation's time zone; presets end yesterday. */
  readonly today = input.required<string>();
  readonly rangeChange = output<DateRange>();

  protected readonly presets = PRESETS;
  protected readonly draftFrom = signal('');
  protected readonly draftTo = signal('');
  protected readonly problem = computed(() =>
    dateRangeProblem({ from: this.draftFrom(), to: this.draftTo() }),
  );
  protected readonly changed = computed(
    () => this.draftFrom() !== this.range().from || this.draftTo() !== this.range().to,
  );

  constructor() {
    // The chosen range wins over a half-typed draft whenever it changes from outside.
    effect(() => {
      const range = this.range();
      this.draftFrom.set(range.from);
      this.draftTo.set(range.to);
    });
  }

  protected isActive(preset: Preset): boolean {
    const candidate = preset.range(this.today());
    return candidate.from === this.range().from && candidate.to === this.range().to;
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected choose(range: DateRange): void {
    this.rangeChange.emit(range);
  }

  protected apply(): void {
    if (this.problem()) return;
    this.rangeChange.emit({ from: this.draftFrom(), to: this.draftTo() });
  }
}
