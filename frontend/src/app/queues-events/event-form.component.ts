import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import type { CreateEventRequest, EventRuleKind } from '@peakplan/contracts';

import { formatCalendarDate } from '../core/format/organisation-format';
import { draftProblem, draftRule, draftToRequest, EMPTY_EVENT_DRAFT, EventDraft } from './event-draft';
import { describeEventRule, MONTH_NAMES, upcomingOccurrences, WEEKDAY_NAMES } from './event-rule-text';

const RULE_KINDS: { kind: EventRuleKind; label: string }[] = [
  { kind: 'fixed', label: 'Same date every year' },
  { kind: 'nth-weekday', label: 'Nth weekday of a month' },
  { kind: 'last-weekday', label: 'Last weekday of a month' },
  { kind: 'easter-offset', label: 'Days from Easter' },
  { kind: 'day-after', label: 'Days after another rule' },
  { kind: 'one-off', label: 'One-off dates (campaign)' },
];
const INNER_KINDS = RULE_KINDS.filter((entry) => entry.kind !== 'day-after' && entry.kind !== 'one-off');

/** Creates or edits an event: every date rule the calendar knows, its window, and a preview of its next dates. */
@Component({
  selector: 'pp-event-form',
  template: `
    <form (submit)="$event.preventDefault(); submit()" [attr.aria-label]="heading()">
      <h3>{{ heading() }}</h3>
      <div class="form-grid">
        <label class="field">
          Name
          <input name="name" [value]="draft().name" (input)="set('name', text($event))" required />
        </label>
        <label class="field">
          Date rule
          <select name="kind" aria-label="Date rule" (change)="set('kind', text($event))">
            @for (entry of kinds; track entry.kind) {
              <option [value]="entry.kind" [selected]="entry.kind === draft().kind">{{ entry.label }}</option>
            }
          </select>
        </label>
        @if (draft().kind === 'day-after') {
          <label class="field">
            Follows
            <select name="innerKind" aria-label="Follows" (change)="set('innerKind', text($event))">
              @for (entry of innerKinds; track entry.kind) {
                <option [value]="entry.kind" [selected]="entry.kind === draft().innerKind">
                  {{ entry.label }}
                </option>
              }
            </select>
          </label>
        }
        @if (usesMonth()) {
          <label class="field">
            Month
            <select name="month" aria-label="Month" (change)="set('month', number($event))">
              @for (name of months; track name; let index = $index) {
                <option [value]="index + 1" [selected]="index + 1 === draft().month">{{ name }}</option>
              }
            </select>
          </label>
        }
        @if (ruleKind() === 'fixed') {
          <label class="field">
            Day of month
            <input
              name="day"
              type="number"
              min="1"
              max="31"
              [value]="draft().day"
              (input)="set('day', number($event))"
            />
          </label>
        }
        @if (ruleKind() === 'nth-weekday') {
          <label class="field">
            Which one
            <select name="n" aria-label="Which one" (change)="set('n', number($event))">
              @for (n of [1, 2, 3, 4, 5]; track n) {
                <option [value]="n" [selected]="n === draft().n">{{ ordinal(n) }}</option>
              }
            </select>
          </label>
        }
        @if (ruleKind() === 'nth-weekday' || ruleKind() === 'last-weekday') {
          <label class="field">
            Weekday
            <select name="weekday" aria-label="Weekday" (change)="set('weekday', number($event))">
              @for (name of weekdays; track name; let index = $index) {
                <option [value]="index" [selected]="index === draft().weekday">{{ name }}</option>
              }
            </select>
          </label>
        }
        @if (ruleKind() === 'easter-offset') {
          <label class="field">
            Days from Easter Sunday
            <input
              name="easterDays"
              type="number"
              min="-120"
              max="120"
              [value]="draft().easterDays"
              (input)="set('easterDays', number($event))"
            />
          </label>
        }
        @if (draft().kind === 'day-after') {
          <label class="field">
            Days after
            <input
              name="shiftDays"
              type="number"
              min="-60"
              max="60"
              [value]="draft().shiftDays"
              (input)="set('shiftDays', number($event))"
            />
          </label>
        }
        @if (draft().kind === 'one-off') {
          <label class="field wide">
            Dates (YYYY-MM-DD, separated by commas)
            <textarea
              name="dates"
              rows="2"
              [value]="draft().dates"
              (input)="set('dates', text($event))"
            ></textarea>
          </label>
        }
        <label class="field">
          Days before (window)
          <input
            name="windowBefore"
            type="number"
            min="0"
            max="60"
            [value]="draft().windowBefore"
            (input)="set('windowBefore', number($event))"
          />
        </label>
        <label class="field">
          Days after (window)
          <input
            name="windowAfter"
            type="number"
            min="0"
            max="60"
            [value]="draft().windowAfter"
            (input)="set('windowAfter', number($event))"
          />
        </label>
        <label class="field">
          Country or region
          <input
            name="region"
            placeholder="whole organisation"
            [value]="draft().region"
            (input)="set('region', text($event))"
          />
          <span class="hint">ISO code, e.g. NL or BE-VAN</span>
        </label>
      </div>

      <div class="preview" aria-live="polite" data-testid="event-preview">
        <strong>{{ ruleText() }}</strong>
        @if (preview().problem; as problem) {
          <p class="problem-text">{{ problem }}</p>
        } @else if (preview().occurrences.length === 0) {
          <p class="muted">No date from today on.</p>
        } @else {
          <ul>
            @for (entry of preview().occurrences; track entry.date) {
              <li>
                {{ long(entry.date) }}
                <span class="muted"
                  >· window {{ short(entry.windowFrom) }} – {{ short(entry.windowTo) }}</span
                >
              </li>
            }
          </ul>
        }
      </div>

      @if (shownProblem(); as message) {
        <p class="problem-text" role="alert">{{ message }}</p>
      }
      <div class="form-actions">
        <button type="submit" class="button primary" [disabled]="saving()">
          {{ saving() ? 'Saving…' : submitLabel() }}
        </button>
        <button type="button" class="button secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    h3 {
      margin: 0 0 0.75rem;
    }
    .wide {
      grid-column: span 2;
    }
    .preview {
      margin-top: 1rem;
      padding: 0.75rem 1rem;
      background: #f8fafc;
      border: 1px solid var(--border);
      border-radius: 8px;
      font-size: 0.9rem;
    }
    .preview ul {
      margin: 0.4rem 0 0;
      padding-left: 1.2rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventFormComponent {
  readonly initial = input<EventDraft>(EMPTY_EVENT_DRAFT);
  readonly heading = input('New event');
  readonly submitLabel = input('Create event');
  readonly today = input.required<string>();
  readonly saving = input(false);
  /** The server's refusal, shown under the form. */
  readonly serverProblem = input<string | null>(null);
  readonly saved = output<CreateEventRequest>();
  readonly cancelled = output<void>();

  protected readonly kinds = RULE_KINDS;
  protected readonly innerKinds = INNER_KINDS;
  protected readonly months = MONTH_NAMES;
  protected readonly weekdays = WEEKDAY_NAMES;
  protected readonly draft = signal<EventDraft>(EMPTY_EVENT_DRAFT);
  private readonly tried = signal(false);

  protected readonly ruleKind = computed(() =>
    this.draft().kind === 'day-after' ? this.draft().innerKind : this.draft().kind,
  );
  protected readonly usesMonth = computed(() =>
    ['fixed', 'nth-weekday', 'last-weekday'].includes(this.ruleKind()),
  );
  protected readonly ruleText = computed(
    () => `Rule: ${describeEventRule(draftRule(this.draft()))}. Next dates:`,
  );
  protected readonly preview = computed(() => {
    const draft = this.draft();
    return upcomingOccurrences(
      draftRule(draft),
      draft.windowBefore || 0,
      draft.windowAfter || 0,
      this.today(),
    );
  });
  protected readonly shownProblem = computed(
    () => (this.tried() ? draftProblem(this.draft()) : null) ?? this.serverProblem(),
  );

  constructor() {
    effect(() => this.draft.set({ ...this.initial() }));
  }

  protected set<K extends keyof EventDraft>(field: K, value: string | number): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number {
    const value = (event.target as HTMLInputElement).value;
    return value === '' ? Number.NaN : Number(value);
  }

  protected ordinal(n: number): string {
    return ['1st', '2nd', '3rd', '4th', '5th'][n - 1];
  }

  protected long(date: string): string {
    return formatCalendarDate(date, 'long');
  }

  protected short(date: string): string {
    return formatCalendarDate(date, 'day-month');
  }

  protected submit(): void {
    this.tried.set(true);
    if (draftProblem(this.draft())) return;
    this.saved.emit(draftToRequest(this.draft()));
  }
}
