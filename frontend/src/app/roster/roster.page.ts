import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AllocationDto, AllocationPin, PoolShiftDto } from '@peakplan/contracts';
import { catchError, map, of, Subscription } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { AuthService } from '../core/auth/auth.service';
import { LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { formatInstant, formatNumber } from '../core/format/organisation-format';
import { RosterApi } from './roster-api.service';
import { RosterAssignmentsComponent } from './roster-assignments.component';
import { RosterObjectiveComponent } from './roster-objective.component';
import { RosterShiftPickerComponent } from './roster-shift-picker.component';
import { changeLines, PinState, pinsChanged, rosterRows, withPin } from './roster-view';

function failureText(error: unknown, action: string): string {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return describeApiFailure(
    { status, error: error instanceof HttpErrorResponse ? error.error : undefined },
    action,
  );
}

/**
 * The planner's roster by preference: choose preference shifts, run the allocation (HiGHS in the
 * background), read the objective and who got what, pin and re-run, publish. The run's id sits in the
 * address (`?run=`), so a reload or a shared link shows the same run.
 */
@Component({
  selector: 'pp-roster-page',
  imports: [RouterLink, RosterShiftPickerComponent, RosterObjectiveComponent, RosterAssignmentsComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Roster by preference</h1>
      <p class="lead">
        Members mark the preference shifts they want or can take; the allocation fills the places for cover
        first, then fairness in hard hours, then preferences, with recognition points as the last tie-breaker.
        Shifts published first come, first served from a staffing plan are followed on
        <a routerLink="/planning/staffing">Staffing and publishing</a>.
      </p>
    </header>

    <section class="card" aria-labelledby="shifts-heading">
      <h2 id="shifts-heading">Preference shifts</h2>
      @switch (shifts().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the shifts…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ shiftsMessage() }}</p>
          </div>
        }
        @case ('ready') {
          @if (shiftList().length === 0) {
            <p class="empty">
              No shift is allocated by preference. Create pool shifts with allocation "preference" to roster
              them here.
            </p>
          } @else {
            @if (!mayRun()) {
              <p class="muted">You can read the shifts here; planners run and publish the roster.</p>
            }
            <pp-roster-shift-picker
              [shifts]="shiftList()"
              [picked]="picked()"
              [disabled]="busy() || !mayRun()"
              (pick)="pick($event.shiftId, $event.on)"
              (pickAll)="pickAll()"
              (run)="start()"
            />
          }
        }
      }
    </section>

    <div role="status" aria-live="polite">
      @if (running()) {
        <p class="status"><span class="spinner" aria-hidden="true"></span>The allocation is running…</p>
      }
      @if (notice(); as said) {
        <p class="notice-text" data-testid="roster-notice">{{ said }}</p>
      }
    </div>
    @if (problem(); as problem) {
      <div class="alert" role="alert" data-testid="roster-problem">
        <p>{{ problem }}</p>
      </div>
    }

    @if (run(); as current) {
      @if (current.status === 'failed') {
        <div class="alert" role="alert">
          <p>The allocation failed: {{ current.error ?? 'no reason given' }}</p>
        </div>
      }
      @if (current.status === 'done') {
        <section class="card" aria-labelledby="result-heading" data-testid="roster-result">
          <h2 id="result-heading">
            Result of the run of {{ instant(current.createdAt) }}
            @if (current.publishedAt) {
              <span class="tag">published {{ instant(current.publishedAt) }}</span>
            }
          </h2>
          @if (current.objective; as objective) {
            <pp-roster-objective [objective]="objective" />
          }

          @if (current.changes) {
            <h3>What changed since the last run</h3>
            @if (changes().length === 0) {
              <p class="empty" data-testid="roster-changes">
                Nothing: the same assignments as the run before.
              </p>
            } @else {
              <ul data-testid="roster-changes">
                @for (line of changes(); track line) {
                  <li>{{ line }}</li>
                }
              </ul>
            }
          }

          <h3>Assignments per shift</h3>
          <pp-roster-assignments
            [rows]="rows()"
            [published]="current.publishedAt !== null"
            (pin)="setPin($event.shiftId, $event.memberId, $event.pin)"
          />

          @if (!current.publishedAt) {
            <div class="form-actions">
              <button
                type="button"
                class="button secondary"
                [disabled]="busy() || !draftChanged()"
                (click)="rerun(current)"
              >
                Re-run with {{ draftPins().length }} pin{{ draftPins().length === 1 ? '' : 's' }}
              </button>
              @if (confirmingPublish()) {
                <div class="confirm" role="group" aria-labelledby="publish-question">
                  <p id="publish-question">
                    Publish this roster? {{ current.assignments.length }} assignment{{
                      current.assignments.length === 1 ? '' : 's'
                    }}
                    become confirmed sign-ups, the other requests on these shifts close, and each member
                    concerned gets a message.
                  </p>
                  <div class="form-actions">
                    <button
                      type="button"
                      class="button primary"
                      [disabled]="busy()"
                      (click)="publish(current)"
                    >
                      Publish now
                    </button>
                    <button type="button" class="button secondary" (click)="confirmingPublish.set(false)">
                      Cancel
                    </button>
                  </div>
                </div>
              } @else {
                <button
                  type="button"
                  class="button primary"
                  [disabled]="busy() || draftChanged()"
                  (click)="confirmingPublish.set(true)"
                >
                  Publish roster
                </button>
              }
            </div>
            @if (draftChanged()) {
              <p class="muted">Pins changed: re-run before publishing.</p>
            }
          }
        </section>
      }
    }
  `,
  styles: `
    h3 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1.05rem;
    }
    .confirm {
      flex: 1 1 100%;
      border: 1px solid var(--accent);
      border-radius: var(--radius);
      background: var(--accent-soft);
      padding: 0.6rem 0.75rem;
    }
    .confirm p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterPage {
  private readonly api = inject(RosterApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  /** Managers open planning to read; running and publishing a roster is for planners and admins. */
  private readonly user = inject(AuthService).user;
  protected readonly mayRun = computed(() =>
    (this.user()?.roles ?? []).some((role) => role === 'planner' || role === 'admin'),
  );

  protected readonly shifts = signal<LoadState<PoolShiftDto[]>>(LOADING);

  protected readonly shiftList = computed(() => {
    const state = this.shifts();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly shiftsMessage = computed(() => {
    const state = this.shifts();
    return state.status === 'error' ? state.message : '';
  });
  /** Member names by id; without them the page shows short ids. */
  private readonly names = toSignal(
    this.api.members().pipe(
      map((members) => new Map(members.map((member) => [member.memberId, member.name]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );

  protected readonly picked = signal<ReadonlySet<string>>(new Set());
  protected readonly run = signal<AllocationDto | null>(null);
  protected readonly running = computed(() => this.run()?.status === 'running' || this.starting());
  private readonly starting = signal(false);
  protected readonly busy = computed(() => this.running() || this.publishing());
  private readonly publishing = signal(false);
  protected readonly confirmingPublish = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);
  /** The pins as edited; a re-run sends them all. */
  protected readonly draftPins = signal<AllocationPin[]>([]);
  private watching: Subscription | null = null;

  /** The run's shifts (the ones loaded), soonest first. */
  private readonly runShifts = computed(() => {
    const current = this.run();
    if (!current) return [];
    const ids = new Set(current.shiftIds);
    return this.shiftList().filter((shift) => ids.has(shift.id));
  });
  protected readonly rows = computed(() => {
    const current = this.run();
    return current ? rosterRows(this.runShifts(), current, this.draftPins(), this.names()) : [];
  });
  protected readonly changes = computed(() =>
    changeLines(this.run()?.changes ?? null, this.runShifts(), this.names()),
  );
  protected readonly draftChanged = computed(() => {
    const current = this.run();
    return current !== null && pinsChanged(current, this.draftPins());
  });

  constructor() {
    this.loadShifts();
    const runId = this.route.snapshot.queryParamMap.get('run');
    if (runId) this.watch(runId);
  }

  /** (Re)loads the shifts; a reload keeps the list shown until the new one is there. */
  private loadShifts(): void {
    toLoadState(this.api.preferenceShifts(), 'loading the preference shifts')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((state) => {
        if (state.status === 'loading' && this.shifts().status === 'ready') return;
        this.shifts.set(state);
      });
  }

  protected pick(shiftId: string, on: boolean): void {
    this.picked.update((picked) => {
      const next = new Set(picked);
      if (on) next.add(shiftId);
      else next.delete(shiftId);
      return next;
    });
  }

  protected pickAll(): void {
    this.picked.set(new Set(this.shiftList().map((shift) => shift.id)));
  }

  protected start(): void {
    this.begin();
    this.api
      .start([...this.picked()])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (started) => this.watch(started.id),
        error: (error: unknown) => this.fail(error, 'starting the allocation'),
      });
  }

  protected setPin(shiftId: string, memberId: string, pin: PinState): void {
    this.draftPins.update((pins) => withPin(pins, shiftId, memberId, pin));
    this.confirmingPublish.set(false);
  }

  protected rerun(current: AllocationDto): void {
    this.begin();
    this.api
      .setPins(current.id, this.draftPins())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (started) => this.watch(started.id),
        error: (error: unknown) => this.fail(error, 're-running the allocation with the pins'),
      });
  }

  protected publish(current: AllocationDto): void {
    this.publishing.set(true);
    this.problem.set(null);
    this.api
      .publish(current.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (published) => {
          this.publishing.set(false);
          this.confirmingPublish.set(false);
          this.run.set(published);
          this.loadShifts();
          this.notice.set(
            `Roster published: ${formatNumber(published.assignments.length)} assignments confirmed; the members concerned get a message.`,
          );
        },
        error: (error: unknown) => {
          this.publishing.set(false);
          this.confirmingPublish.set(false);
          this.problem.set(failureText(error, 'publishing the roster'));
        },
      });
  }

  private begin(): void {
    this.starting.set(true);
    this.notice.set(null);
    this.problem.set(null);
    this.confirmingPublish.set(false);
  }

  private fail(error: unknown, action: string): void {
    this.starting.set(false);
    this.problem.set(failureText(error, action));
  }

  /** Polls a run until it is done or failed, and keeps its id in the address. */
  private watch(runId: string): void {
    this.watching?.unsubscribe();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { run: runId }, replaceUrl: true });
    this.watching = this.api
      .watch(runId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (current) => {
          this.starting.set(false);
          const first = this.run()?.id !== current.id;
          this.run.set(current);
          if (first) {
            this.draftPins.set([...current.pins]);
            this.picked.set(new Set(current.shiftIds));
          }
          if (current.status === 'done')
            this.notice.set(
              current.publishedAt
                ? 'This roster is published.'
                : `Allocation done: ${formatNumber(current.assignments.length)} assignments over ${formatNumber(current.shiftIds.length)} shifts.`,
            );
        },
        error: (error: unknown) => this.fail(error, 'reading the allocation'),
      });
  }

  protected instant(iso: string): string {
    return formatInstant(iso);
  }
}
