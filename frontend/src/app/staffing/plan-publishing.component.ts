import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PoolShiftDto, StaffingPlanDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { formatInstant, formatNumber } from '../core/format/organisation-format';
import { StaffingApi } from './staffing-api.service';

/**
 * Publishing a plan and its sign-up window: publish the draft shifts to the pool, close or reopen
 * sign-up, and the roster's exports (CSV download, print page). Tells the page when something changed.
 */
@Component({
  selector: 'pp-plan-publishing',
  imports: [RouterLink],
  template: `
    <section class="card" aria-labelledby="publishing-heading" data-testid="publishing">
      <h2 id="publishing-heading">Publishing to the pool</h2>
      <p data-testid="publishing-state">{{ stateText() }}</p>
      @if (mayChange()) {
        <div class="form-actions">
          @if (unpublished() > 0) {
            <button type="button" class="button primary" [disabled]="busy()" (click)="publish()">
              Publish {{ unpublished() }} shift{{ unpublished() === 1 ? '' : 's' }} to the pool
            </button>
          }
          @if (openShifts() > 0) {
            <button type="button" class="button secondary" [disabled]="busy()" (click)="setWindow('closed')">
              Close sign-up
            </button>
          }
          @if (closedShifts() > 0) {
            <button type="button" class="button secondary" [disabled]="busy()" (click)="setWindow('open')">
              Reopen sign-up
            </button>
          }
        </div>
      }
      @if (shifts().length > 0) {
        <div class="form-actions exports">
          <a class="button secondary" [href]="csvUrl()" download data-testid="roster-csv"
            >Download roster (CSV)</a
          >
          <a
            class="button secondary"
            routerLink="/planning/staffing/print"
            [queryParams]="{ plan: plan().id }"
            >Print roster</a
          >
        </div>
      }
      <div role="status" aria-live="polite">
        @if (notice(); as said) {
          <p class="notice-text" data-testid="publishing-notice">{{ said }}</p>
        }
      </div>
      @if (problem(); as problem) {
        <div class="alert" role="alert">
          <p>{{ problem }}</p>
        </div>
      }
    </section>
  `,
  styles: `
    .exports {
      margin-top: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanPublishingComponent {
  private readonly api = inject(StaffingApi);
  readonly plan = input.required<StaffingPlanDto>();
  /** The plan's published pool shifts, not cancelled. */
  readonly shifts = input.required<PoolShiftDto[]>();
  readonly mayChange = input.required<boolean>();
  readonly changed = output<void>();

  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected readonly unpublished = computed(() => {
    const published = new Set(this.shifts().map((shift) => shift.draftShiftId));
    return this.plan().shifts.filter((draft) => !published.has(draft.id)).length;
  });
  protected readonly openShifts = computed(
    () => this.shifts().filter((shift) => shift.status === 'open' || shift.status === 'upcoming').length,
  );
  /** Closed before their start: the ones a reopen can open again. */
  protected readonly closedShifts = computed(
    () =>
      this.shifts().filter((shift) => shift.status === 'closed' && Date.parse(shift.startsAt) > Date.now())
        .length,
  );
  protected readonly csvUrl = computed(() => this.api.rosterCsvUrl(this.plan().id));

  protected readonly stateText = computed(() => {
    const shifts = this.shifts();
    const drafts = this.plan().shifts.length;
    if (shifts.length === 0) return `Not published yet: ${formatNumber(drafts)} draft shifts.`;
    const places = shifts.reduce((sum, shift) => sum + shift.places, 0);
    const confirmed = shifts.reduce((sum, shift) => sum + shift.confirmed, 0);
    const closes = shifts
      .filter((shift) => shift.status === 'open')
      .map((shift) => shift.signUpClosesAt)
      .sort()[0];
    const window =
      this.openShifts() > 0
        ? `sign-up open on ${formatNumber(this.openShifts())}${closes ? `, first close ${formatInstant(closes)}` : ''}`
        : 'sign-up closed';
    return `${formatNumber(shifts.length)} of ${formatNumber(drafts)} shifts published: ${formatNumber(confirmed)} of ${formatNumber(places)} places confirmed; ${window}.`;
  });

  protected publish(): void {
    this.act(
      this.api.publish(this.plan().id),
      'publishing the plan',
      (published) =>
        `Published ${formatNumber(published.length)} shifts to the pool: members can sign up now.`,
    );
  }

  protected setWindow(state: 'open' | 'closed'): void {
    this.act(
      this.api.signUpWindow(this.plan().id, { state }),
      state === 'closed' ? 'closing sign-up' : 'reopening sign-up',
      (answer) =>
        state === 'closed'
          ? `Sign-up closed on ${formatNumber(answer.changedShifts)} shifts.`
          : `Sign-up reopened on ${formatNumber(answer.changedShifts)} shifts, until 24 hours before each start.`,
    );
  }

  private act<T>(request: Observable<T>, action: string, said: (answer: T) => string): void {
    this.busy.set(true);
    this.notice.set(null);
    this.problem.set(null);
    request.subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.notice.set(said(answer));
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : 0;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        this.problem.set(describeApiFailure({ status, error: body }, action));
      },
    });
  }
}
