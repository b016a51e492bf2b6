import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MyScheduleEntryDto } from '@peakplan/contracts';

import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { AuthService } from '../../core/auth/auth.service';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';
import { PoolApi } from '../pool-api.service';
import { poolClock } from '../pool-clock';
import { poolFailureText } from '../pool-failure';
import { cutoffText, myStateText, shiftLength, shiftPlace, shiftWhen, withdrawAnswer } from '../shift-text';
import { CalendarFeedComponent } from './calendar-feed.component';
import { parseSeen, promotions, seenStatuses, seenStorageKey } from './schedule-changes';

/** How often the schedule is read again while the page is open: a waitlist promotion shows within this. */
const REFRESH_MS = 30_000;

/**
 * My schedule: the shifts I hold, asked for or wait for, soonest first, with withdrawal until the
 * cut-off; a promotion from the waitlist is announced (also one that came while the page was closed);
 * and my calendar feed.
 */
@Component({
  selector: 'pp-my-schedule-page',
  imports: [RouterLink, CalendarFeedComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1 tabindex="-1">My schedule</h1>
      <p class="lead">Your peak shifts, soonest first, on the organisation's clock ({{ timeZone }}).</p>
    </header>

    <div class="answer" role="status" aria-live="polite" data-testid="schedule-answer">
      @if (answer(); as text) {
        <p>{{ text }}</p>
      }
    </div>
    @if (problem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    @switch (schedule().status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading your schedule…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ errorOf(schedule()) }}</p>
          <button type="button" class="button secondary" (click)="load()">Try again</button>
        </div>
      }
    }
    @if (entries(); as list) {
      @if (list.length === 0) {
        <p class="empty card">
          No shifts yet. <a routerLink="/pool">Pick an open shift</a> and it appears here.
        </p>
      } @else {
        <ul class="entries" aria-label="My shifts">
          @for (entry of list; track entry.signUpId) {
            <li class="entry" [class]="entry.status" data-testid="schedule-entry">
              <h2 class="when">{{ when(entry) }}</h2>
              <p>{{ entry.shift.skill }} · {{ place(entry) }} · {{ length(entry) }}</p>
              @if (entry.shift.peak) {
                <p class="muted">{{ entry.shift.peak }}</p>
              }
              <p>
                <span class="tag" [class.ok]="entry.status === 'confirmed'">{{ state(entry) }}</span>
                @if (promoted().includes(entry.signUpId)) {
                  <span class="tag new">Moved up from the waitlist</span>
                }
              </p>
              @if (entry.status === 'confirmed') {
                <p class="muted small">{{ cutoff(entry) }}</p>
              }
              @if (canWithdraw(entry)) {
                <button
                  type="button"
                  class="button secondary"
                  [disabled]="busyId() !== null"
                  (click)="withdraw(entry)"
                  [attr.aria-label]="withdrawLabel(entry)"
                >
                  {{
                    busyId() === entry.signUpId
                      ? 'Sending…'
                      : entry.status === 'waitlisted'
                        ? 'Leave the waitlist'
                        : 'Withdraw'
                  }}
                </button>
              }
            </li>
          }
        </ul>
      }
    }

    <pp-calendar-feed />
  `,
  styles: `
    .answer:empty {
      display: none;
    }
    .answer {
      margin-bottom: 1rem;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      border: 1px solid #bbf7d0;
      border-left: 4px solid #15803d;
      background: #f0fdf4;
      color: #14532d;
    }
    .answer p,
    .alert {
      margin: 0 0 1rem;
    }
    .answer p {
      margin: 0;
    }
    .entries {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 0.6rem;
    }
    .entry {
      background: var(--surface);
      border: 1px solid var(--border);
      border-left: 4px solid var(--border-strong);
      border-radius: var(--radius);
      padding: 0.75rem 0.9rem;
      overflow-wrap: anywhere;
    }
    .entry.confirmed {
      border-left-color: #15803d;
    }
    .entry.waitlisted {
      border-left-color: #d97706;
    }
    .entry p {
      margin: 0.15rem 0;
    }
    .when {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    .tag.ok {
      background: #dcfce7;
      color: #166534;
    }
    .tag.new {
      background: #dbeafe;
      color: #1e3a8a;
      margin-left: 0.35rem;
    }
    .small {
      font-size: 0.8125rem;
    }
    .entry .button {
      margin-top: 0.5rem;
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MySchedulePage {
  private readonly api = inject(PoolApi);
  private readonly auth = inject(AuthService);
  protected readonly timeZone = inject(OrganisationSettings).timeZone();
  protected readonly now = poolClock();

  protected readonly schedule = signal<LoadState<MyScheduleEntryDto[]>>(LOADING);
  protected readonly entries = signal<MyScheduleEntryDto[] | null>(null);
  /** Sign-ups promoted from the waitlist since the member last looked (kept while the page is open). */
  protected readonly promoted = signal<string[]>([]);
  protected readonly answer = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);

  constructor() {
    this.load();
    const timer = setInterval(() => this.load(), REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.load();
    };
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  protected load(): void {
    toLoadState(this.api.schedule(), 'loading your schedule').subscribe((state) => {
      if (state.status === 'loading' && this.entries()) return;
      this.schedule.set(state);
      if (state.status === 'ready') this.show(state.value);
    });
  }

  /** Shows the entries and announces promotions against what this browser last showed the member. */
  private show(entries: MyScheduleEntryDto[]): void {
    const memberId = this.auth.user()?.id;
    const key = memberId ? seenStorageKey(memberId) : null;
    const seen = key ? parseSeen(this.readStorage(key)) : {};
    const moved = promotions(seen, entries);
    if (moved.length > 0) {
      this.promoted.update((ids) => [...ids, ...moved.map((entry) => entry.signUpId)]);
      this.answer.set(
        moved
          .map((entry) => `Good news: you moved up from the waitlist and are confirmed for ${when(entry)}.`)
          .join(' '),
      );
    }
    if (key) this.writeStorage(key, JSON.stringify(seenStatuses(entries)));
    this.entries.set(entries);
  }

  protected canWithdraw(entry: MyScheduleEntryDto): boolean {
    return entry.status !== 'confirmed' || this.now() < new Date(entry.shift.withdrawalCutoffAt);
  }

  protected withdraw(entry: MyScheduleEntryDto): void {
    this.busyId.set(entry.signUpId);
    this.problem.set(null);
    this.api.withdraw(entry.shift.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.answer.set(withdrawAnswer(entry.shift, entry.status === 'waitlisted'));
        this.load();
        // The entry leaves the list: keep keyboard focus on the page, at the answer's heading.
        setTimeout(() => document.querySelector<HTMLElement>('h1')?.focus());
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        this.problem.set(poolFailureText({ status, error: body }, `withdrawing from ${when(entry)}`));
        this.load();
      },
    });
  }

  protected when(entry: MyScheduleEntryDto): string {
    return when(entry);
  }

  protected place(entry: MyScheduleEntryDto): string {
    return shiftPlace(entry.shift);
  }

  protected length(entry: MyScheduleEntryDto): string {
    return shiftLength(entry.shift);
  }

  protected state(entry: MyScheduleEntryDto): string {
    return myStateText(entry) ?? entry.status;
  }

  protected cutoff(entry: MyScheduleEntryDto): string {
    return cutoffText(entry.shift, this.now());
  }

  protected withdrawLabel(entry: MyScheduleEntryDto): string {
    return `${entry.status === 'waitlisted' ? 'Leave the waitlist for' : 'Withdraw from'} ${when(entry)}`;
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  private readStorage(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  private writeStorage(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private mode or storage full: promotions are then announced only while the page is open.
    }
  }
}

function when(entry: MyScheduleEntryDto): string {
  return shiftWhen(entry.shift);
}
