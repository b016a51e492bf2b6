import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { DepartmentBookingDto, PoolMemberDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { AuthService } from '../../core/auth/auth.service';
import { APPROVAL_LABELS, trainingText } from '../../pool/membership/membership-text';
import { ManagementApi } from '../management-api.service';
import { DepartmentBookingsComponent } from './department-bookings.component';
import { DepartmentCapComponent } from './department-cap.component';

/**
 * Pool approvals for a manager: their department's applicants to approve or refuse, its members and
 * their state; the department's cap and who is booked when are components of their own.
 */
@Component({
  selector: 'pp-approvals-page',
  imports: [DepartmentCapComponent, DepartmentBookingsComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Management</p>
      <h1>Pool approvals</h1>
      <p class="lead">{{ lead() }}</p>
    </header>

    <div class="answer" role="status" aria-live="polite" data-testid="approvals-answer">
      @if (answer(); as text) {
        <p class="notice-text">{{ text }}</p>
      }
    </div>
    @if (problem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    <section class="card" aria-labelledby="applicants-heading">
      <h2 id="applicants-heading" tabindex="-1">Waiting for your decision</h2>
      @switch (members().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the members…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(members()) }}</p>
          </div>
        }
      }
      @if (memberList(); as list) {
        @if (applicants().length === 0) {
          <p class="empty">Nobody of your department is waiting for a decision.</p>
        } @else {
          <ul class="people" aria-label="Applicants">
            @for (member of applicants(); track member.memberId) {
              <li class="person" data-testid="applicant">
                <h3 [id]="'applicant-' + member.memberId">{{ member.name }}</h3>
                <p class="muted">{{ member.email }}</p>
                <p>{{ skillsText(member) }}</p>
                @if (mayDecide()) {
                  <div class="actions">
                    <button
                      type="button"
                      class="button primary"
                      [disabled]="busyId() !== null"
                      [attr.aria-describedby]="'applicant-' + member.memberId"
                      (click)="decide(member, 'approved')"
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      class="button secondary"
                      [disabled]="busyId() !== null"
                      [attr.aria-describedby]="'applicant-' + member.memberId"
                      (click)="decide(member, 'refused')"
                    >
                      Refuse
                    </button>
                  </div>
                }
              </li>
            }
          </ul>
        }
      }
    </section>

    <section class="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Your department in the pool</h2>
      @if (memberList(); as list) {
        @if (decided().length === 0) {
          <p class="empty">No one of your department has been decided on yet.</p>
        } @else {
          <ul class="people compact" aria-label="Members">
            @for (member of decided(); track member.memberId) {
              <li class="person" data-testid="member">
                <div class="line">
                  <strong>{{ member.name }}</strong>
                  <span
                    class="tag"
                    [class.ok]="member.state === 'approved'"
                    [class.warn]="member.state !== 'approved'"
                    >{{ stateLabel(member) }}</span
                  >
                </div>
                <p class="muted small">{{ skillsText(member) }}</p>
                @if (mayDecide() && member.state === 'refused') {
                  <button
                    type="button"
                    class="button secondary"
                    [disabled]="busyId() !== null"
                    (click)="decide(member, 'approved')"
                  >
                    Approve {{ member.name }} after all
                  </button>
                }
              </li>
            }
          </ul>
        }
      }
    </section>

    <pp-department-cap
      [mayDecide]="mayDecide()"
      [disabled]="busyId() !== null"
      (busy)="busyId.set($event ? 'cap' : null)"
      (saved)="answer.set($event)"
    />
    <pp-department-bookings [bookings]="bookings()" />
  `,
  styles: `
    .answer p {
      margin: 0 0 1rem;
    }
    .alert {
      margin-bottom: 1rem;
    }
    .people {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 0.6rem;
    }
    .person {
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.7rem 0.9rem;
      overflow-wrap: anywhere;
    }
    .person h3 {
      margin: 0;
      font-size: 1rem;
    }
    .person p {
      margin: 0.15rem 0;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .button {
      min-height: 40px;
    }
    .small {
      font-size: 0.8125rem;
    }
    .tag.ok {
      background: #dcfce7;
      color: #166534;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsPage {
  private readonly api = inject(ManagementApi);
  private readonly user = inject(AuthService).user;
  protected readonly lead = computed(() => {
    const department = this.user()?.department;
    return department
      ? `Colleagues of ${department} who want to help at the peaks, and how many of them the pool may take at once.`
      : 'Pool members of every department.';
  });
  /** Only a department's own manager decides (the server refuses anyone else). */
  protected readonly mayDecide = computed(() => this.user()?.roles.includes('manager') ?? false);

  protected readonly members = signal<LoadState<PoolMemberDto[]>>(LOADING);
  protected readonly memberList = signal<PoolMemberDto[] | null>(null);
  protected readonly applicants = computed(() =>
    (this.memberList() ?? []).filter((member) => member.state === 'pending'),
  );
  protected readonly decided = computed(() =>
    (this.memberList() ?? []).filter((member) => member.state === 'approved' || member.state === 'refused'),
  );

  protected readonly bookings = signal<LoadState<DepartmentBookingDto[]>>(LOADING);

  protected readonly busyId = signal<string | null>(null);
  protected readonly answer = signal('');
  protected readonly problem = signal<string | null>(null);

  constructor() {
    this.loadMembers();
    this.load(this.api.departmentBookings(), 'loading the bookings', (state) => this.bookings.set(state));
  }

  private load<T>(request: Observable<T>, action: string, apply: (state: LoadState<T>) => void): void {
    toLoadState(request, action).subscribe(apply);
  }

  private loadMembers(): void {
    this.load(this.api.poolMembers(), 'loading the pool members', (state) => {
      if (state.status === 'loading' && this.memberList()) return;
      this.members.set(state);
      if (state.status === 'ready') this.memberList.set(state.value);
    });
  }

  protected decide(member: PoolMemberDto, decision: 'approved' | 'refused'): void {
    this.busyId.set(member.memberId);
    this.problem.set(null);
    this.api.decide(member.memberId, decision).subscribe({
      next: () => {
        this.busyId.set(null);
        this.answer.set(
          decision === 'approved'
            ? `${member.name} is approved: they can sign up for peak shifts now.`
            : `${member.name} is refused: they cannot take pool shifts.`,
        );
        this.loadMembers();
        // The applicant's card is gone: keep keyboard focus in the list's section.
        setTimeout(() => document.getElementById('applicants-heading')?.focus());
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.problem.set(this.failure(error, `deciding on ${member.name}`));
      },
    });
  }

  protected stateLabel(member: PoolMemberDto): string {
    return APPROVAL_LABELS[member.state];
  }

  protected skillsText(member: PoolMemberDto): string {
    if (member.skills.length === 0) return 'No training recorded';
    return member.skills.map((skill) => `${skill.skill}: ${trainingText(skill)}`).join('; ');
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  private failure(error: unknown, action: string): string {
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    const body = error instanceof HttpErrorResponse ? error.error : undefined;
    return describeApiFailure({ status, error: body }, action);
  }
}
