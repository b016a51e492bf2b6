import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { PoolShiftDto } from '@peakplan/contracts';

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

  protected emitAction(): void {
    if (!this.busy()) this.act.emit(this.action());
  }
}
