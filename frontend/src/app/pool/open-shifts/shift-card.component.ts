import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { PoolShiftDto, ShiftPreference } from '@peakplan/contracts';

import {
  ACTION_LABELS,
  activeSignUp,
  cutoffText,
  myStateText,
  placesText,
  shiftAction,
  shiftHours,
  shiftLength,
  shiftPlace,
  type ShiftAction,
} from '../shift-text';

/**
 * One open shift as a card: hours, skill, where, places or waitlist, my own state, the rule that
 * keeps me out in words, and one action button. The button keeps its element when its label changes
 * (sign up → withdraw), so keyboard focus stays on it after an answer; while the request runs it is
 * aria-disabled rather than disabled, because a disabled button drops the focus.
 */
@Component({
  selector: 'pp-shift-card',
  template: `
    <article class="shift" [class.mine]="!!mine()" [attr.aria-labelledby]="titleId()">
      <h4 [id]="titleId()">{{ hours() }} · {{ shift().skill }}</h4>
      <p class="facts">{{ place() }} · {{ length() }}</p>
      <p class="places" [id]="placesId()">{{ places() }}</p>
      @if (mineText(); as mine) {
        <p class="state">
          <span class="tag ok">{{ mine }}</span>
        </p>
      }
      @if (shift().blockedBy; as block) {
        <p class="blocked" data-testid="blocked-by">
          <strong>You can't take this shift:</strong> {{ block.reason }}
        </p>
      }
      @if (markable()) {
        <fieldset class="mark" [attr.aria-describedby]="titleId()">
          <legend>How well does it fit you?</legend>
          <label class="choice">
            <input
              type="radio"
              [name]="'mark-' + shift().id"
              value="want"
              [checked]="draft() === 'want'"
              (change)="choose('want')"
            />
            I want it
          </label>
          <label class="choice">
            <input
              type="radio"
              [name]="'mark-' + shift().id"
              value="can"
              [checked]="draft() === 'can'"
              (change)="choose('can')"
            />
            I can take it
          </label>
          @if (draft() === 'want') {
            <label class="rank">
              Your choice (1 = most wanted)
              <input
                type="number"
                min="1"
                max="999"
                inputmode="numeric"
                [value]="rank() ?? ''"
                (input)="rankFrom($event)"
              />
            </label>
          }
          <button
            type="button"
            class="button secondary"
            [attr.aria-disabled]="busy() || null"
            (click)="emitMark()"
          >
            Save my mark
          </button>
        </fieldset>
      }
      @if (action() !== 'none') {
        <div class="act">
          <button
            type="button"
            class="button"
            [class.primary]="!mine()"
            [class.secondary]="!!mine()"
            [id]="'action-' + shift().id"
            [attr.aria-describedby]="titleId() + ' ' + placesId()"
            [attr.aria-disabled]="busy() || null"
            (click)="emitAction()"
          >
            {{ busy() ? 'Sending…' : actionLabel() }}
          </button>
          @if (mine()?.status === 'confirmed') {
            <span class="muted small">{{ cutoff() }}</span>
          }
        </div>
      } @else if (mine()?.status === 'confirmed') {
        <p class="muted small">{{ cutoff() }}</p>
      }
    </article>
  `,
  styles: `
    .shift {
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.75rem 0.9rem;
      background: var(--surface);
      overflow-wrap: anywhere;
    }
    .shift.mine {
      border-color: #15803d;
      border-left-width: 4px;
    }
    h4 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    p {
      margin: 0.15rem 0;
    }
    .facts,
    .small {
      font-size: 0.875rem;
    }
    .places {
      font-weight: 600;
    }
    .tag.ok {
      background: #dcfce7;
      color: #166534;
    }
    .blocked {
      margin-top: 0.4rem;
      padding: 0.4rem 0.6rem;
      border-radius: 6px;
      background: #fef3c7;
      color: #78350f;
      font-size: 0.875rem;
    }
    .mark {
      border: 1px solid var(--border);
      border-radius: 6px;
      margin: 0.5rem 0 0;
      padding: 0.4rem 0.6rem 0.6rem;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 1rem;
    }
    .mark legend {
      font-size: 0.875rem;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 44px;
    }
    .rank {
      display: flex;
      flex-direction: column;
      font-size: 0.875rem;
    }
    .rank input {
      width: 6rem;
      min-height: 40px;
    }
    .act {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin-top: 0.5rem;
    }
    .act .button {
      min-height: 44px;
      min-width: 8rem;
    }
    .act .button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShiftCardComponent {
  readonly shift = input.required<PoolShiftDto>();
  readonly now = input.required<Date>();
  readonly busy = input(false);
  readonly act = output<ShiftAction>();
  /** A preference shift's mark: want (with an optional rank among my wants) or can. */
  readonly mark = output<{ preference: ShiftPreference; rank: number | null }>();

  protected readonly titleId = computed(() => `shift-${this.shift().id}`);
  protected readonly placesId = computed(() => `shift-${this.shift().id}-places`);
  protected readonly hours = computed(() => shiftHours(this.shift()));
  protected readonly place = computed(() => shiftPlace(this.shift()));
  protected readonly length = computed(() => shiftLength(this.shift()));
  protected readonly places = computed(() => placesText(this.shift()));
  protected readonly mine = computed(() => activeSignUp(this.shift()));
  protected readonly mineText = computed(() => myStateText(this.mine()));
  protected readonly action = computed(() => shiftAction(this.shift(), this.now()));
  protected readonly actionLabel = computed(() => {
    const action = this.action();
    return action === 'none' ? '' : ACTION_LABELS[action];
  });
  protected readonly cutoff = computed(() => cutoffText(this.shift(), this.now()));

  /** My request on a preference shift, while it can still be marked. */
  protected readonly markable = computed(
    () =>
      this.shift().allocation === 'preference' &&
      this.mine()?.status === 'requested' &&
      this.shift().status === 'open',
  );
  private readonly edited = signal<{ preference: 'want' | 'can'; rank: number | null } | null>(null);
  protected readonly draft = computed(
    () => this.edited()?.preference ?? (this.mine()?.preference === 'can' ? 'can' : 'want'),
  );
  protected readonly rank = computed(() =>
    this.edited() ? this.edited()!.rank : (this.mine()?.rank ?? null),
  );

  protected choose(preference: 'want' | 'can'): void {
    this.edited.set({ preference, rank: preference === 'want' ? this.rank() : null });
  }

  protected rankFrom(event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    const rank = raw === '' ? null : Math.trunc(Number(raw));
    this.edited.set({
      preference: 'want',
      rank: Number.isFinite(rank) && rank !== null && rank >= 1 ? rank : null,
    });
  }

  protected emitMark(): void {
    if (this.busy()) return;
    const preference = this.draft();
    this.mark.emit({ preference, rank: preference === 'want' ? this.rank() : null });
    this.edited.set(null);
  }

  protected emitAction(): void {
    if (!this.busy()) this.act.emit(this.action());
  }
}
