import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import type { CreateQueueRequest } from '@peakplan/contracts';

import { EMPTY_QUEUE_DRAFT, QueueDraft, queueDraftProblem, queueDraftToRequest } from './queue-draft';

/** Creates or edits a queue: kind, service target, AHT, patience, chat concurrency, repeat window (interval length at creation only). */
@Component({
  selector: 'pp-queue-form',
  template: `
    <form (submit)="$event.preventDefault(); submit()" [attr.aria-label]="heading()">
      <h3>{{ heading() }}</h3>
      <div class="form-grid">
        <label class="field">
          Name
          <input name="name" [value]="draft().name" (input)="set('name', text($event))" required />
        </label>
        <label class="field">
          Kind
          <select name="kind" aria-label="Kind" (change)="set('kind', text($event))">
            <option value="live" [selected]="draft().kind === 'live'">Live (phone, chat)</option>
            <option value="deferred" [selected]="draft().kind === 'deferred'">Deferred (email)</option>
          </select>
        </label>
        <label class="field">
          Service level target (%)
          <input
            name="serviceLevel"
            type="number"
            min="1"
            max="99"
            step="0.1"
            [value]="draft().serviceLevelPercent"
            (input)="set('serviceLevelPercent', number($event))"
          />
        </label>
        <label class="field">
          {{ draft().kind === 'live' ? 'Answered within (seconds)' : 'Replied within (seconds)' }}
          <input
            name="targetSeconds"
            type="number"
            min="1"
            [value]="draft().targetSeconds"
            (input)="set('targetSeconds', number($event))"
          />
        </label>
        <label class="field">
          AHT (seconds)
          <input
            name="ahtSeconds"
            type="number"
            min="1"
            [value]="draft().ahtSeconds"
            (input)="set('ahtSeconds', number($event))"
          />
        </label>
        <label class="field">
          Patience (seconds)
          <input
            name="patienceSeconds"
            type="number"
            min="1"
            placeholder="not modelled"
            [value]="draft().patienceSeconds ?? ''"
            (input)="setPatience($event)"
          />
        </label>
        <label class="field">
          Concurrency (chats per agent)
          <input
            name="concurrency"
            type="number"
            min="1"
            max="10"
            [value]="draft().concurrency"
            (input)="set('concurrency', number($event))"
          />
        </label>
        <label class="field">
          Repeat window (days)
          <input
            name="repeatWindowDays"
            type="number"
            min="1"
            max="90"
            [value]="draft().repeatWindowDays"
            (input)="set('repeatWindowDays', number($event))"
          />
        </label>
        <label class="field">
          Interval (minutes)
          <select
            name="intervalMinutes"
            aria-label="Interval (minutes)"
            [disabled]="!creating()"
            (change)="set('intervalMinutes', number($event))"
          >
            @for (minutes of [15, 30, 60]; track minutes) {
              <option [value]="minutes" [selected]="minutes === draft().intervalMinutes">
                {{ minutes }}
              </option>
            }
          </select>
        </label>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueFormComponent {
  readonly initial = input<QueueDraft>(EMPTY_QUEUE_DRAFT);
  readonly heading = input('New queue');
  readonly submitLabel = input('Create queue');
  readonly creating = input(true);
  readonly saving = input(false);
  readonly serverProblem = input<string | null>(null);
  readonly saved = output<CreateQueueRequest>();
  readonly cancelled = output<void>();

  protected readonly draft = signal<QueueDraft>(EMPTY_QUEUE_DRAFT);
  private readonly tried = signal(false);
  protected readonly shownProblem = computed(
    () => (this.tried() ? queueDraftProblem(this.draft()) : null) ?? this.serverProblem(),
  );

  constructor() {
    effect(() => this.draft.set({ ...this.initial() }));
  }

  protected set<K extends keyof QueueDraft>(field: K, value: string | number): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected setPatience(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, patienceSeconds: value === '' ? null : Number(value) }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number {
    const value = (event.target as HTMLInputElement).value;
    return value === '' ? Number.NaN : Number(value);
  }

  protected submit(): void {
    this.tried.set(true);
    if (queueDraftProblem(this.draft())) return;
    this.saved.emit(queueDraftToRequest(this.draft()));
  }
}
