import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { PoolShiftDto, ShiftPreference } from '@peakplan/contracts';

import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { formatCalendarDate } from '../../core/format/organisation-format';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';
import { PoolApi } from '../pool-api.service';
import { poolClock } from '../pool-clock';
import { poolFailureText } from '../pool-failure';
import {
  activeSignUp,
  markAnswer,
  shiftWhen,
  signUpAnswer,
  withdrawAnswer,
  type ShiftAction,
} from '../shift-text';
import { ShiftCardComponent } from './shift-card.component';
import { filterOptions, groupShifts, NO_FILTER, type ShiftFilter } from './shift-groups';

/** The last answer, with the shift it can be undone on (until the cut-off, checked by the server too). */
interface Answer {
  text: string;
  undo: PoolShiftDto | null;
  /** A confirmed place can be given back until the withdrawal cut-off; a waitlist place or a request any time. */
  undoUntil: Date | null;
  /** Whether the place to undo is on the waitlist (for the words of the answer). */
  undoWaitlisted: boolean;
}

/**
 * Pool member, phone first: the open shifts that fit me, by peak and day, filtered by day, skill and
 * remote; sign up, join the waitlist or withdraw with the answer read out at once, and undo.
 */
@Component({
  selector: 'pp-open-shifts-page',
  imports: [RouterLink, ShiftCardComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>Open shifts</h1>
      <p class="lead">
        Peak shifts that fit your skills, training and availability. Times are on the organisation's clock ({{
          timeZone
        }}).
      </p>
    </header>

    <div class="answer" role="status" aria-live="polite" data-testid="pool-answer">
      @if (answer(); as current) {
        <p>{{ current.text }}</p>
        @if (canUndo(current); as undoShift) {
          <button
            type="button"
            class="button secondary"
            [disabled]="busyId() !== null"
            (click)="undo(undoShift, current.undoWaitlisted)"
          >
            Undo
          </button>
        }
      }
    </div>
    @if (problem(); as text) {
      <div class="alert" role="alert" data-testid="pool-problem">
        <p>{{ text }}</p>
      </div>
    }

    @switch (membership().status) {
      @case ('ready') {
        @if (notApproved(); as lines) {
          <section class="card" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Not open to you yet</h2>
            @for (line of lines; track line) {
              <p>{{ line }}</p>
            }
            <p><a routerLink="/pool/membership">Your membership and training</a></p>
          </section>
        }
      }
    }

    <section class="card filters" aria-labelledby="filter-heading">
      <h2 id="filter-heading" class="visually-hidden">Filter the shifts</h2>
      <div class="filter-row">
        <label class="field">
          Day
          <select [value]="filter().day" (change)="setFilter('day', $event)">
            <option value="">Every day</option>
            @for (day of options().days; track day) {
              <option [value]="day" [selected]="day === filter().day">{{ dayLabel(day) }}</option>
            }
          </select>
        </label>
        <label class="field">
          Skill
          <select (change)="setFilter('skill', $event)">
            <option value="">Every skill</option>
            @for (skill of options().skills; track skill) {
              <option [value]="skill" [selected]="skill === filter().skill">{{ skill }}</option>
            }
          </select>
        </label>
        <label class="field">
          Where
          <select (change)="setFilter('remote', $event)">
            <option value="any">Anywhere</option>
            <option value="remote">Remote only</option>
            <option value="on-site">On site only</option>
          </select>
        </label>
      </div>
      <p class="muted small" aria-live="polite">{{ countText() }}</p>
    </section>

    @switch (shifts().status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading the open shifts…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ errorOf(shifts()) }}</p>
          <button type="button" class="button secondary" (click)="reload()">Try again</button>
        </div>
      }
    }
    @if (shownList(); as list) {
      @if (list.length === 0) {
        <p class="empty card">
          No open shift fits you right now. New peak shifts appear here as soon as the planners open them.
        </p>
      } @else if (groups().length === 0) {
        <p class="empty card">No shift matches these filters.</p>
      }
      @for (group of groups(); track group.peak) {
        <section class="peak" [attr.aria-labelledby]="'peak-' + $index">
          <h2 [id]="'peak-' + $index">
            {{ group.peak ?? 'Other shifts' }} <span class="muted count">({{ group.count }})</span>
          </h2>
          @for (day of group.days; track day.date) {
            <h3>{{ dayLabel(day.date) }}</h3>
            <ul class="shift-list">
              @for (shift of day.shifts; track shift.id) {
                <li>
                  <pp-shift-card
                    [shift]="shift"
                    [now]="now()"
                    [busy]="busyId() === shift.id"
                    (act)="act(shift, $event)"
                    (mark)="mark(shift, $event)"
                  />
                </li>
              }
            </ul>
          }
        </section>
      }
    }
  `,
  styles: `
    .answer:empty {
      display: none;
    }
    .answer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      border: 1px solid #bbf7d0;
      border-left: 4px solid #15803d;
      background: #f0fdf4;
      color: #14532d;
    }
    .answer p {
      margin: 0;
      flex: 1 1 14rem;
    }
    .alert {
      margin-bottom: 1rem;
    }
    .filter-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0.75rem;
    }
    .field select {
      min-height: 44px;
      width: 100%;
    }
    .small {
      font-size: 0.8125rem;
      margin: 0.5rem 0 0;
    }
    .peak h2 {
      margin-top: 1.25rem;
    }
    .count {
      font-weight: 400;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0.75rem 0 0.5rem;
    }
    .shift-list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 0.6rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpenShiftsPage {
  private readonly api = inject(PoolApi);
  protected readonly timeZone = inject(OrganisationSettings).timeZone();
  protected readonly now = poolClock();

  protected readonly membership = toSignal(toLoadState(this.api.me(), 'loading your membership'), {
    initialValue: LOADING,
  });
  protected readonly notApproved = computed(() => {
    const state = this.membership();
    return state.status === 'ready' && state.value.state !== 'approved' ? state.value.stateText : null;
  });

  protected readonly shifts = signal<LoadState<PoolShiftDto[]>>(LOADING);
  /** The list last loaded: kept on screen while a reload runs, so cards (and focus) stay put. */
  protected readonly shownList = signal<PoolShiftDto[] | null>(null);
  protected readonly filter = signal<ShiftFilter>(NO_FILTER);
  protected readonly options = computed(() => filterOptions(this.shownList() ?? []));
  protected readonly groups = computed(() => groupShifts(this.shownList() ?? [], this.filter()));
  protected readonly countText = computed(() => {
    const list = this.shownList();
    if (!list) return '';
    const shown = this.groups().reduce((sum, group) => sum + group.count, 0);
    return shown === list.length
      ? `${list.length} ${list.length === 1 ? 'shift' : 'shifts'}`
      : `${shown} of ${list.length} shifts match`;
  });

  protected readonly busyId = signal<string | null>(null);
  protected readonly answer = signal<Answer | null>(null);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    this.reload();
  }

  protected reload(): void {
    toLoadState(this.api.openShifts(), 'loading the open shifts').subscribe((state) => {
      if (state.status === 'loading' && this.shownList()) return;
      this.shifts.set(state);
      if (state.status === 'ready') this.shownList.set(state.value);
    });
  }

  protected setFilter(key: keyof ShiftFilter, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.filter.update((current) => ({ ...current, [key]: value }));
  }

  protected act(shift: PoolShiftDto, action: ShiftAction): void {
    if (action === 'none' || this.busyId() !== null) return;
    if (action === 'withdraw' || action === 'leave-waitlist') {
      this.withdraw(shift, null);
      return;
    }
    this.start(shift);
    this.api.signUp(shift.id).subscribe({
      next: (answer) => {
        this.finish({
          text: signUpAnswer(answer, shift),
          undo: shift,
          undoUntil: answer.status === 'confirmed' ? new Date(shift.withdrawalCutoffAt) : null,
          undoWaitlisted: answer.status === 'waitlisted',
        });
      },
      error: (error: unknown) => this.fail(error, `signing up for ${shiftWhen(shift)}`),
    });
  }

  protected mark(shift: PoolShiftDto, mark: { preference: ShiftPreference; rank: number | null }): void {
    if (this.busyId() !== null) return;
    this.start(shift);
    this.api.setPreference(shift.id, mark).subscribe({
      next: (saved) => {
        this.finish({ text: markAnswer(saved, shift), undo: null, undoUntil: null, undoWaitlisted: false });
      },
      error: (error: unknown) => this.fail(error, `marking ${shiftWhen(shift)}`),
    });
  }

  protected canUndo(answer: Answer): PoolShiftDto | null {
    if (!answer.undo) return null;
    return answer.undoUntil === null || this.now() < answer.undoUntil ? answer.undo : null;
  }

  protected undo(shift: PoolShiftDto, waitlisted: boolean): void {
    this.withdraw(shift, 'Undone', waitlisted);
  }

  private withdraw(
    shift: PoolShiftDto,
    lead: string | null,
    wasWaitlisted = activeSignUp(shift)?.status === 'waitlisted',
  ): void {
    this.start(shift);
    this.api.withdraw(shift.id).subscribe({
      next: () => {
        const text = withdrawAnswer(shift, wasWaitlisted);
        this.finish({
          text: lead ? `${lead}. ${text}` : text,
          undo: null,
          undoUntil: null,
          undoWaitlisted: false,
        });
        // The Undo button is gone: give focus back to the shift's own button.
        setTimeout(() => document.getElementById(`action-${shift.id}`)?.focus());
      },
      error: (error: unknown) => this.fail(error, `withdrawing from ${shiftWhen(shift)}`),
    });
  }

  private start(shift: PoolShiftDto): void {
    this.busyId.set(shift.id);
    this.problem.set(null);
  }

  private finish(answer: Answer): void {
    this.busyId.set(null);
    this.answer.set(answer);
    this.reload();
  }

  private fail(error: unknown, action: string): void {
    this.busyId.set(null);
    this.answer.set(null);
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    const body = error instanceof HttpErrorResponse ? error.error : undefined;
    this.problem.set(poolFailureText({ status, error: body }, action));
    this.reload();
  }

  protected dayLabel(date: string): string {
    return formatCalendarDate(date, 'long');
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
