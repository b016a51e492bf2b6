import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  SHIFT_PLAN_SECONDS_PER_QUEUE,
  type PlanCoverageDto,
  type PoolShiftDto,
  type ScenarioDto,
  type StaffingPlanDto,
  type StaffingPlanSummaryDto,
} from '@peakplan/contracts';
import { interval, startWith, Subscription, switchMap } from 'rxjs';

import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { AuthService } from '../core/auth/auth.service';
import { formatInstant, organisationTimeZone } from '../core/format/organisation-format';
import { PlanCoveragePanelComponent } from './plan-coverage-panel.component';
import { PlanPublishingComponent } from './plan-publishing.component';
import { PlanRunFormComponent, type PlanRunRequest } from './plan-run-form.component';
import { ShiftTimelineComponent } from './shift-timeline.component';
import { toShiftTimeline } from './shift-timeline';
import { StaffingApi } from './staffing-api.service';

/** How often the coverage refreshes by itself while a published plan is on screen. */
const COVERAGE_REFRESH_MS = 15_000;

/**
 * Staffing plan and publishing: run the shift plan for a scenario, read its shifts over the pool gap
 * per day, publish them to the pool, watch coverage fill as members sign up, close or reopen sign-up,
 * export the roster. The plan's id sits in the address (`?plan=`), so a reload shows the same plan;
 * `?scenario=` picks the scenario to plan (the one place where shift plans are run).
 */
@Component({
  selector: 'pp-staffing-page',
  imports: [
    RouterLink,
    PlanRunFormComponent,
    ShiftTimelineComponent,
    PlanCoveragePanelComponent,
    PlanPublishingComponent,
  ],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Staffing plan and publishing</h1>
      <p class="lead">
        Turn a scenario's pool gap into shifts, publish them to the pool and watch the places fill. Shifts
        allocated by preference are rostered on the <a routerLink="/planning/roster">roster by preference</a>.
      </p>
    </header>

    <pp-plan-run-form
      [scenarios]="scenarios()"
      [plans]="plans()"
      [planId]="planId()"
      [running]="running()"
      [mayRun]="mayPlan()"
      [preferredScenarioId]="preferredScenarioId"
      (run)="runPlan($event)"
      (choose)="choosePlan($event)"
    />

    <div role="status" aria-live="polite">
      @if (running()) {
        <div class="status running" data-testid="plan-running">
          <span class="spinner" aria-hidden="true"></span>
          <span
            >The shift plan is running as a job: {{ elapsed() }} s of at most about {{ limitSeconds() }} s
            (the solver covers the gap per queue and stops after {{ perQueue }} s on each).</span
          >
          <progress aria-label="Shift plan running" [value]="elapsed()" [max]="limitSeconds()"></progress>
        </div>
      }
    </div>

    @switch (plan().status) {
      @case ('loading') {
        <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Loading the plan…</p>
      }
      @case ('error') {
        <div class="alert" role="alert" data-testid="plan-problem">
          <p>{{ errorOf(plan()) }}</p>
        </div>
      }
    }

    @if (current(); as current) {
      <section class="card" aria-labelledby="timeline-heading" data-testid="plan-result">
        <div class="section-head">
          <h2 id="timeline-heading">Shifts of "{{ current.scenarioName }}"</h2>
          @if (queues().length > 1) {
            <label class="field inline">
              Queue
              <select name="queue" [value]="queue()" (change)="queue.set(value($event))">
                <!-- [selected] as well: [value] on the select alone, set before its options exist,
                     left the first queue showing while the timeline drew another. -->
                @for (name of queues(); track name) {
                  <option [value]="name" [selected]="name === queue()">{{ name }}</option>
                }
              </select>
            </label>
          }
        </div>
        @if (current.shifts.length === 0) {
          <p class="empty">This plan has no shifts: the scenario leaves no pool gap on these days.</p>
        } @else if (coverage().status === 'error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(coverage()) }}</p>
          </div>
        } @else if (coverage().status !== 'ready') {
          <!-- The gap comes with the coverage: without it every day would read "gap 0 h". -->
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the pool gap per interval…
          </p>
        } @else {
          <pp-shift-timeline [days]="timeline()" [queue]="queue()" [timeZone]="timeZone" />
        }
      </section>

      <pp-plan-publishing
        [plan]="current"
        [shifts]="publishedShifts()"
        [mayChange]="mayPlan()"
        (changed)="refresh()"
      />

      @if (publishedShifts().length > 0) {
        <section class="card" aria-labelledby="coverage-heading" data-testid="coverage">
          <div class="section-head">
            <h2 id="coverage-heading">Coverage as members sign up</h2>
            <p class="muted small">
              Refreshes every {{ refreshSeconds }} s
              @if (refreshedAt(); as at) {
                · last {{ at }}
              }
              <button type="button" class="button secondary" (click)="refresh()">Refresh now</button>
            </p>
          </div>
          @if (coverage(); as state) {
            @if (state.status === 'ready') {
              <pp-plan-coverage-panel [coverage]="state.value" [queue]="queue()" [timeZone]="timeZone" />
            }
          }
        </section>
      }
    }
  `,
  styles: `
    .section-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .field.inline {
      flex-direction: row;
      align-items: center;
      gap: 0.5rem;
    }
    .running {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .running progress {
      flex: 1 1 12rem;
    }
    .small {
      margin: 0;
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingPage {
  private readonly api = inject(StaffingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user;
  /** Managers read plans; running, publishing and the sign-up window are for planners and admins. */
  protected readonly mayPlan = computed(() =>
    (this.user()?.roles ?? []).some((role) => role === 'planner' || role === 'admin'),
  );
  protected readonly timeZone = organisationTimeZone();
  protected readonly refreshSeconds = COVERAGE_REFRESH_MS / 1000;

  protected readonly scenarios = toSignal(toLoadState(this.api.scenarios(), 'loading the scenarios'), {
    initialValue: LOADING as LoadState<ScenarioDto[]>,
  });
  private readonly plansAttempt = signal(0);
  protected readonly plans = toSignal(
    toObservable(this.plansAttempt).pipe(
      switchMap(() => toLoadState(this.api.plans(), 'loading the staffing plans')),
    ),
    { initialValue: LOADING as LoadState<StaffingPlanSummaryDto[]> },
  );
  protected readonly planId = signal<string | null>(this.route.snapshot.queryParamMap.get('plan'));
  /** `?scenario=`: the scenario to plan, when the scenarios page sent the planner here. */
  protected readonly preferredScenarioId = this.route.snapshot.queryParamMap.get('scenario');
  protected readonly plan = signal<LoadState<StaffingPlanDto>>(IDLE);
  protected readonly current = computed(() => {
    const state = this.plan();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly coverage = signal<LoadState<PlanCoverageDto>>(IDLE);
  private readonly shifts = signal<PoolShiftDto[]>([]);
  protected readonly publishedShifts = computed(() =>
    this.shifts().filter((shift) => shift.staffingPlanId === this.planId() && shift.status !== 'cancelled'),
  );
  protected readonly refreshedAt = signal<string | null>(null);
  protected readonly running = signal(false);
  /** The solver's time limit for the running plan: its queues × the limit per queue. */
  protected readonly limitSeconds = signal(SHIFT_PLAN_SECONDS_PER_QUEUE);
  protected readonly perQueue = SHIFT_PLAN_SECONDS_PER_QUEUE;
  protected readonly elapsed = signal(0);

  protected readonly queues = computed(() => [
    ...new Set([
      ...(this.current()?.queues.map((queue) => queue.queue) ?? []),
      ...(this.current()?.shifts.map((shift) => shift.queue) ?? []),
    ]),
  ]);
  protected readonly queue = signal('');
  protected readonly timeline = computed(() => {
    const plan = this.current();
    const coverage = this.coverage();
    const intervals = coverage.status === 'ready' ? coverage.value.intervals : [];
    return plan ? toShiftTimeline(plan.shifts, intervals, this.queue()) : [];
  });

  private polling: Subscription | null = null;

  constructor() {
    const id = this.planId();
    if (id) this.load(id);
  }

  protected runPlan({ queues, ...request }: PlanRunRequest): void {
    this.running.set(true);
    this.elapsed.set(0);
    this.limitSeconds.set(Math.max(1, queues) * SHIFT_PLAN_SECONDS_PER_QUEUE);
    const ticking = interval(1000).subscribe((seconds) => this.elapsed.set(seconds + 1));
    toLoadState(this.api.createPlan(request), 'running the shift plan')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((state) => {
        if (state.status === 'loading') return;
        ticking.unsubscribe();
        this.running.set(false);
        this.plan.set(state);
        if (state.status === 'ready') {
          this.plansAttempt.update((count) => count + 1);
          this.show(state.value);
        }
      });
  }

  protected choosePlan(id: string): void {
    this.load(id);
  }

  /** Coverage and the published shifts again, now. */
  protected refresh(): void {
    const id = this.planId();
    if (id) this.watchCoverage(id);
  }

  private load(id: string): void {
    this.planId.set(id);
    toLoadState(this.api.plan(id), 'loading the staffing plan')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((state) => {
        this.plan.set(state);
        if (state.status === 'ready') this.show(state.value);
      });
  }

  private show(plan: StaffingPlanDto): void {
    this.planId.set(plan.id);
    this.queue.set(plan.shifts[0]?.queue ?? plan.queues[0]?.queue ?? '');
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { plan: plan.id },
      replaceUrl: true,
    });
    // Another plan: its own coverage, not the last plan's kept on screen while loading.
    this.coverage.set(LOADING);
    this.shifts.set([]);
    this.watchCoverage(plan.id);
  }

  /** Loads coverage and shifts now and then every refresh period, until another plan or the page goes. */
  private watchCoverage(id: string): void {
    this.polling?.unsubscribe();
    this.polling = interval(COVERAGE_REFRESH_MS)
      .pipe(
        startWith(0),
        switchMap(() => toLoadState(this.api.coverage(id), 'loading the coverage')),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => {
        // A refresh keeps the last coverage on screen until the new one is there.
        if (state.status === 'loading' && this.coverage().status === 'ready') return;
        this.coverage.set(state);
        if (state.status === 'ready') {
          this.refreshedAt.set(formatInstant(new Date().toISOString()));
          this.api
            .planShifts()
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe({
              next: (shifts) => this.shifts.set(shifts),
              // The coverage is on screen; the window state waits for the next refresh.
              error: () => undefined,
            });
        }
      });
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
