import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import type { CoreStaffPattern, EventDto, ScenarioAdjustments } from '@peakplan/contracts';

import { WEEKDAY_NAMES } from '../queues-events/event-rule-text';
import { AdjustmentsDraft, parseDeflection, toAdjustments, toAdjustmentsDraft } from './adjustments-draft';

type PercentField = 'volumeUpliftPercent' | 'ahtChangePercent' | 'shrinkagePercent' | 'maxOccupancyPercent';

const SLIDERS: { field: PercentField; label: string; min: number; max: number }[] = [
  { field: 'volumeUpliftPercent', label: 'Volume change (%)', min: -50, max: 100 },
  { field: 'ahtChangePercent', label: 'AHT change (%)', min: -30, max: 30 },
  { field: 'shrinkagePercent', label: 'Shrinkage (%)', min: 0, max: 60 },
  { field: 'maxOccupancyPercent', label: 'Maximum occupancy (%)', min: 50, max: 100 },
];

/**
 * Fields and sliders for every adjustment the API has. Emits each valid change as it is made (the page
 * recomputes in the browser) and the adjustments to keep on "Save scenario".
 */
@Component({
  selector: 'pp-adjustments-editor',
  template: `
    <form (submit)="$event.preventDefault(); submit()" aria-label="Scenario adjustments">
      <fieldset>
        <legend>Demand and handling</legend>
        <div class="form-grid">
          @for (slider of sliders; track slider.field) {
            <label class="field">
              <span
                >{{ slider.label }}: <output>{{ draft()[slider.field] }}%</output></span
              >
              <input
                type="range"
                [attr.aria-label]="slider.label"
                [name]="slider.field"
                [min]="slider.min"
                [max]="slider.max"
                step="1"
                [value]="draft()[slider.field]"
                (input)="setNumber(slider.field, $event)"
              />
            </label>
          }
          <label class="field">
            Service level target (%)
            <input
              type="number"
              name="serviceLevel"
              min="1"
              max="99.9"
              step="0.1"
              placeholder="each queue's own"
              [value]="draft().serviceLevelPercent ?? ''"
              (input)="setOptional('serviceLevelPercent', $event)"
            />
          </label>
          <label class="field">
            Answered within (seconds)
            <input
              type="number"
              name="targetSeconds"
              min="1"
              placeholder="each queue's own"
              [value]="draft().targetSeconds ?? ''"
              (input)="setOptional('targetSeconds', $event)"
            />
          </label>
        </div>
      </fieldset>
      @if (events().length > 0) {
        <fieldset>
          <legend>Extra uplift in event windows (%)</legend>
          <div class="form-grid">
            @for (event of events(); track event.key) {
              <label class="field">
                {{ event.name }}
                <input
                  type="number"
                  [name]="'event-' + event.key"
                  min="-90"
                  max="500"
                  step="1"
                  [value]="eventUplift(event.key)"
                  (input)="setEventUplift(event.key, $event)"
                />
              </label>
            }
          </div>
        </fieldset>
      }
      <fieldset>
        <legend>Deflection per contact reason</legend>
        <label class="field">
          One reason per line, share prevented by self-service in %
          <textarea
            name="deflection"
            rows="2"
            placeholder="order-status=30"
            [value]="draft().deflectionText"
            (input)="setText('deflectionText', $event)"
          ></textarea>
        </label>
      </fieldset>
      <fieldset>
        <legend>Core staff</legend>
        @if (draft().coreStaff.length === 0) {
          <p class="tag warn" role="note">No core staff: every scheduled hour goes to the pool.</p>
        }
        @for (pattern of draft().coreStaff; track $index; let index = $index) {
          <div class="pattern" role="group" [attr.aria-label]="'Core staff pattern ' + (index + 1)">
            <span class="days">
              @for (name of weekdays; track name; let day = $index) {
                <label class="day"
                  ><input
                    type="checkbox"
                    [checked]="pattern.weekdays.includes(day)"
                    (change)="toggleDay(index, day)"
                  />{{ name.slice(0, 2) }}</label
                >
              }
            </span>
            <label class="field"
              >From <input type="time" [value]="pattern.from" (input)="setPattern(index, 'from', $event)"
            /></label>
            <label class="field"
              >To
              <input
                type="time"
                [value]="pattern.to === '24:00' ? '23:59' : pattern.to"
                (input)="setPattern(index, 'to', $event)"
            /></label>
            <label class="field"
              >Agents
              <input
                type="number"
                min="0"
                max="10000"
                [value]="pattern.agents"
                (input)="setPattern(index, 'agents', $event)"
            /></label>
            <button type="button" class="button secondary" (click)="removePattern(index)">Remove</button>
          </div>
        }
        <button type="button" class="button secondary" (click)="addPattern()">Add core staff pattern</button>
      </fieldset>
      <fieldset>
        <legend>Costs per paid hour (€)</legend>
        <div class="form-grid">
          <label class="field"
            >Core staff
            <input
              type="number"
              name="coreHourlyCost"
              min="0"
              step="0.5"
              [value]="draft().coreHourlyCost"
              (input)="setNumber('coreHourlyCost', $event)"
          /></label>
          <label class="field"
            >Pool
            <input
              type="number"
              name="poolHourlyCost"
              min="0"
              step="0.5"
              [value]="draft().poolHourlyCost"
              (input)="setNumber('poolHourlyCost', $event)"
          /></label>
        </div>
      </fieldset>
      @if (problem(); as message) {
        <p class="problem-text" role="alert">{{ message }}</p>
      }
      <div class="form-actions">
        <button type="submit" class="button primary" [disabled]="saving() || !!problem()">
          {{ saving() ? 'Saving…' : 'Save scenario' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      border: 1px solid var(--border);
      border-radius: 8px;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.9rem 0.9rem;
    }
    legend {
      font-weight: 700;
      font-size: 0.875rem;
      padding: 0 0.3rem;
    }
    output {
      color: var(--text);
    }
    .pattern {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 0.75rem;
      margin-bottom: 0.6rem;
    }
    .days {
      display: flex;
      gap: 0.3rem;
    }
    .day {
      font-size: 0.8rem;
      display: grid;
      justify-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdjustmentsEditorComponent {
  readonly adjustments = input.required<ScenarioAdjustments>();
  readonly events = input<EventDto[]>([]);
  readonly saving = input(false);
  readonly saved = output<ScenarioAdjustments>();
  /** Every change that passes the checks, as the API would take it. */
  readonly changed = output<ScenarioAdjustments>();

  protected readonly sliders = SLIDERS;
  protected readonly weekdays = WEEKDAY_NAMES;
  protected readonly draft = signal<AdjustmentsDraft>(toAdjustmentsDraft({}));
  protected readonly problem = computed(() => {
    const draft = this.draft();
    if (
      draft.coreStaff.some(
        (pattern) => pattern.weekdays.length === 0 || !(pattern.agents >= 0) || pattern.from >= pattern.to,
      )
    )
      return 'Each core staff pattern needs a weekday, a start before its end and a number of agents.';
    return parseDeflection(draft.deflectionText).problem;
  });

  constructor() {
    effect(() => this.draft.set(toAdjustmentsDraft(this.adjustments())));
    effect(() => {
      const draft = this.draft();
      if (!this.problem()) this.changed.emit(toAdjustments(draft));
    });
  }

  protected setNumber(field: PercentField | 'coreHourlyCost' | 'poolHourlyCost', event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value)) this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected setOptional(field: 'serviceLevelPercent' | 'targetSeconds', event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: raw === '' ? null : Number(raw) }));
  }

  protected setText(field: 'deflectionText', event: Event): void {
    this.draft.update((draft) => ({ ...draft, [field]: (event.target as HTMLTextAreaElement).value }));
  }

  protected eventUplift(key: string): number {
    return this.draft().eventUpliftPercent[key] ?? 0;
  }

  protected setEventUplift(key: string, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    this.draft.update((draft) => ({
      ...draft,
      eventUpliftPercent: { ...draft.eventUpliftPercent, [key]: value },
    }));
  }

  protected addPattern(): void {
    const pattern: CoreStaffPattern = { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', agents: 5 };
    this.draft.update((draft) => ({ ...draft, coreStaff: [...draft.coreStaff, pattern] }));
  }

  protected removePattern(index: number): void {
    this.draft.update((draft) => ({ ...draft, coreStaff: draft.coreStaff.filter((_, at) => at !== index) }));
  }

  protected toggleDay(index: number, day: number): void {
    this.updatePattern(index, (pattern) => ({
      ...pattern,
      weekdays: pattern.weekdays.includes(day)
        ? pattern.weekdays.filter((candidate) => candidate !== day)
        : [...pattern.weekdays, day].sort(),
    }));
  }

  protected setPattern(index: number, field: 'from' | 'to' | 'agents', event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    this.updatePattern(index, (pattern) => ({
      ...pattern,
      [field]: field === 'agents' ? Number(raw) : field === 'to' && raw === '23:59' ? '24:00' : raw,
    }));
  }

  private updatePattern(index: number, change: (pattern: CoreStaffPattern) => CoreStaffPattern): void {
    this.draft.update((draft) => ({
      ...draft,
      coreStaff: draft.coreStaff.map((pattern, at) => (at === index ? change(pattern) : pattern)),
    }));
  }

  protected submit(): void {
    if (this.problem()) return;
    this.saved.emit(toAdjustments(this.draft()));
  }
}
