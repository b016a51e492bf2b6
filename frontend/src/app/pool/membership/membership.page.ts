import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { PoolMemberDto } from '@peakplan/contracts';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { calendarDateIn } from '../../core/dates/date-range';
import { formatCalendarDate } from '../../core/format/organisation-format';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';
import { PoolApi } from '../pool-api.service';
import { APPROVAL_LABELS, availabilityLines, hoursCapText, trainingText } from './membership-text';

/** My pool membership: approval, training per skill, availability and hours caps; join when not in. */
@Component({
  selector: 'pp-membership-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>Membership</h1>
      <p class="lead">Your approval, your training per skill and when you can help.</p>
    </header>

    <p class="notice-text" role="status" aria-live="polite">{{ notice() }}</p>
    @if (problem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    @switch (member().status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading your membership…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ errorOf(member()) }}</p>
        </div>
      }
      @case ('ready') {
        @if (readyMember(); as me) {
          <section class="card" aria-labelledby="approval-heading">
            <h2 id="approval-heading">Approval</h2>
            <p>
              <span
                class="tag"
                [class.ok]="me.state === 'approved'"
                [class.warn]="me.state !== 'approved'"
                data-testid="approval-state"
                >{{ approvalLabel(me) }}</span
              >
              @if (me.department) {
                <span class="muted"> · {{ me.department }}</span>
              }
            </p>
            @for (line of me.stateText; track line) {
              <p>{{ line }}</p>
            }
            @if (me.joinedAt) {
              <p class="muted small">In the pool since {{ joined(me.joinedAt) }}.</p>
            }
            @if (me.state === 'not-joined' || me.state === 'left') {
              <button type="button" class="button primary" (click)="join()" [disabled]="busy()">
                {{ me.state === 'left' ? 'Rejoin the pool' : 'Join the pool' }}
              </button>
            }
          </section>

          <section class="card" aria-labelledby="training-heading">
            <h2 id="training-heading">Training</h2>
            @if (me.skills.length === 0) {
              <p class="empty">
                No training recorded yet. Your planner records it once you have completed one.
              </p>
            } @else {
              <ul class="skills">
                @for (skill of me.skills; track skill.skill) {
                  <li>
                    <strong>{{ skill.skill }}</strong>
                    <span class="tag" [class.ok]="skill.current" [class.warn]="!skill.current">{{
                      skill.current ? 'Counts' : 'Does not count'
                    }}</span>
                    <span class="muted">{{ training(skill) }}</span>
                  </li>
                }
              </ul>
            }
          </section>

          <section class="card" aria-labelledby="availability-heading">
            <h2 id="availability-heading">When you can help</h2>
            <ul class="plain">
              @for (line of availability(me); track line) {
                <li>{{ line }}</li>
              }
            </ul>
            <p>{{ hoursCap(me) }}</p>
            @if (me.datesOff.length > 0) {
              <p>Days off: {{ datesOff(me) }}</p>
            }
          </section>
        }
      }
    }
  `,
  styles: `
    .notice-text:empty {
      display: none;
    }
    .tag.ok {
      background: #dcfce7;
      color: #166534;
    }
    .skills,
    .plain {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .skills li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.6rem;
    }
    .small {
      font-size: 0.8125rem;
    }
    .button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipPage {
  private readonly api = inject(PoolApi);
  private readonly organisation = inject(OrganisationSettings);
  protected readonly member = signal<LoadState<PoolMemberDto>>(LOADING);
  protected readonly readyMember = signal<PoolMemberDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly problem = signal<string | null>(null);

  constructor() {
    toLoadState(this.api.me(), 'loading your membership').subscribe((state) => this.show(state));
  }

  protected join(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.join().subscribe({
      next: (member) => {
        this.busy.set(false);
        this.show({ status: 'ready', value: member });
        this.notice.set('You joined the pool. Your manager is asked to approve you.');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        this.problem.set(describeApiFailure({ status, error: body }, 'joining the pool'));
      },
    });
  }

  private show(state: LoadState<PoolMemberDto>): void {
    this.member.set(state);
    if (state.status === 'ready') this.readyMember.set(state.value);
  }

  protected approvalLabel(member: PoolMemberDto): string {
    return APPROVAL_LABELS[member.state];
  }

  protected training(skill: PoolMemberDto['skills'][number]): string {
    return trainingText(skill);
  }

  protected availability(member: PoolMemberDto): string[] {
    return availabilityLines(member.weeklyAvailability);
  }

  protected hoursCap(member: PoolMemberDto): string {
    return hoursCapText(member);
  }

  protected datesOff(member: PoolMemberDto): string {
    return member.datesOff.map((day) => formatCalendarDate(day, 'short')).join(', ');
  }

  /** The day of an instant on the organisation's calendar. */
  protected joined(instant: string): string {
    return formatCalendarDate(calendarDateIn(new Date(instant), this.organisation.timeZone()), 'short');
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
