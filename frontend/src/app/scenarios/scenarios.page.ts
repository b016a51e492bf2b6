import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type {
  EventDto,
  ForecastRunSummary,
  ScenarioAdjustments,
  ScenarioComparison,
  ScenarioDto,
  ScenarioResult,
  StaffingPlanDto,
} from '@peakplan/contracts';
import { catchError, map, of, switchMap } from 'rxjs';

import { StaffingDayBarsComponent } from '../charts/staffing-day-bars/staffing-day-bars.component';
import { describeApiFailure } from '../core/api/api-failure-message';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { addDays, calendarDateIn } from '../core/dates/date-range';
import {
  formatCalendarDate,
  formatEuros,
  formatInstant,
  formatNumber,
  formatPercent,
} from '../core/format/organisation-format';
import { OrganisationSettings } from '../core/organisation/organisation-settings.service';
import { AdjustmentsEditorComponent } from './adjustments-editor.component';
import { currentRunPerQueue } from './current-runs';
import { ScenarioComparisonTableComponent } from './scenario-comparison-table.component';
import { hasNoCoreStaff, reconcileHours, toDayBarsData } from './scenario-figures';

function failure(error: unknown, action: string): string {
  const status = error instanceof HttpErrorResponse ? error.status : -1;
  const body = error instanceof HttpErrorResponse ? error.error : undefined;
  return describeApiFailure({ status, error: body }, action);
}

/** Scenarios: make one from the latest forecasts, adjust it, see what it needs, compare, plan shifts. */
@Component({
  selector: 'pp-scenarios-page',
  imports: [AdjustmentsEditorComponent, ScenarioComparisonTableComponent, StaffingDayBarsComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Scenarios</h1>
      <p class="lead">
        What the forecast asks of your staff under your assumptions: required and scheduled hours, what core
        staff covers and the gap left for the pool, with its cost and service level.
      </p>
    </header>

    @if (notice(); as text) {
      <p class="notice-text" role="status" data-testid="scenario-notice">{{ text }}</p>
    }
    @if (problem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    <section class="card" aria-labelledby="pick-heading">
      <h2 id="pick-heading">Scenario</h2>
      @switch (scenarios().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading scenarios…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(scenarios()) }}</p>
          </div>
        }
        @case ('ready') {
          <div class="pick">
            @if (scenarioList().length > 0) {
              <label class="field">
                Open scenario
                <select name="scenario" aria-label="Open scenario" (change)="choose(text($event))">
                  @for (candidate of scenarioList(); track candidate.id) {
                    <option [value]="candidate.id" [selected]="candidate.id === scenarioId()">
                      {{ candidate.name }}{{ candidate.isPlan ? ' (plan)' : '' }}
                    </option>
                  }
                </select>
              </label>
            } @else {
              <p class="empty">No scenarios yet.</p>
            }
            <form class="new" (submit)="$event.preventDefault(); create()" aria-label="New scenario">
              <label class="field">
                New scenario name
                <input name="newName" [value]="newName()" (input)="newName.set(text($event))" />
              </label>
              <button type="submit" class="button secondary" [disabled]="busy()">Create scenario</button>
            </form>
          </div>
          <p class="muted small">
            New scenarios plan on the latest forecast of each queue: {{ runsText() || 'none yet' }}.
          </p>
        }
      }
    </section>

    @if (scenario(); as current) {
      <div class="layout">
        <section class="card" aria-labelledby="adjust-heading">
          <h2 id="adjust-heading">Adjustments of {{ current.name }}</h2>
          <p class="muted small">
            Period {{ date(current.from) }} – {{ date(current.to) }} · saved {{ instant(current.updatedAt) }}
          </p>
          <pp-adjustments-editor
            [adjustments]="current.adjustments"
            [events]="events()"
            [saving]="busy()"
            (saved)="save($event)"
          />
        </section>

        <section
          class="card result"
          aria-labelledby="result-heading"
          [attr.aria-busy]="result().status === 'loading'"
        >
          <h2 id="result-heading">Result</h2>
          @switch (result().status) {
            @case ('loading') {
              <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Computing…</p>
            }
            @case ('error') {
              <div class="alert" role="alert">
                <p>{{ errorOf(result()) }}</p>
              </div>
            }
          }
          @if (readyResult(); as outcome) {
            @if (noCoreStaff()) {
              <p class="warning" role="note" data-testid="no-core-staff">
                This scenario has no core staff: all {{ number(outcome.totals.scheduledHours) }} scheduled
                hours go to the pool. Add a core staff pattern or upload core staff per interval.
              </p>
            }
            @for (warning of outcome.warnings; track warning) {
              <p class="warning" role="note">{{ warning }}</p>
            }
            @if (hours(); as figures) {
              <dl class="totals" data-testid="scenario-totals">
                <dt>Contacts</dt>
                <dd>{{ number(outcome.totals.contacts) }}</dd>
                <dt>Required (productive)</dt>
                <dd>{{ number(outcome.totals.requiredHours) }} h</dd>
                <dt>Scheduled (after shrinkage)</dt>
                <dd>
                  <strong>{{ number(figures.scheduledHours) }} h</strong> = core used
                  {{ number(figures.coreUsedHours) }} h + pool gap {{ number(figures.poolHours) }} h
                </dd>
                <dt>Core staff present</dt>
                <dd>
                  {{ number(figures.coreHours) }} h, of which surplus (present, not needed)
                  {{ number(figures.coreSurplusHours) }} h
                </dd>
                <dt>Pool gap</dt>
                <dd data-testid="pool-gap-total">
                  <strong>{{ number(figures.poolHours) }} h</strong> in
                  {{ number(outcome.totals.intervalsWithGap) }} intervals
                </dd>
                <dt>Cost</dt>
                <dd>
                  {{ euros(outcome.totals.cost) }} (core {{ euros(outcome.totals.coreCost) }}, pool
                  {{ euros(outcome.totals.poolCost) }})
                </dd>
                <dt>Service level</dt>
                <dd>
                  {{ percent(outcome.totals.serviceLevelWithoutPool) }} without the pool,
                  {{ percent(outcome.totals.serviceLevelWithPool) }} with it
                </dd>
              </dl>
            }
            @if (dayBars(); as bars) {
              @if (bars.dates.length === 0) {
                <p class="empty">The scenario's period has no days.</p>
              } @else {
                <pp-staffing-day-bars [data]="bars" />
              }
            }
            <div class="table-scroll">
              <table class="table" aria-label="Per queue">
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col" class="number">Contacts</th>
                    <th scope="col" class="number">Scheduled (h)</th>
                    <th scope="col" class="number">Core (h)</th>
                    <th scope="col" class="number">Pool gap (h)</th>
                    <th scope="col" class="number">Service level with pool</th>
                  </tr>
                </thead>
                <tbody>
                  @for (queue of outcome.queues; track queue.queue) {
                    <tr>
                      <th scope="row">{{ queue.queue }}</th>
                      <td class="number">{{ number(queue.contacts) }}</td>
                      <td class="number">{{ number(queue.scheduledHours) }}</td>
                      <td class="number">{{ number(queue.coreHours) }}</td>
                      <td class="number">{{ number(queue.poolHours) }}</td>
                      <td class="number">
                        {{ queue.kind === 'live' ? percent(queue.serviceLevelWithPool) : 'deferred' }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      </div>

      <section class="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Shift plan for the pool gap</h2>
        <form class="plan-form" (submit)="$event.preventDefault(); runPlan()" aria-label="Run shift plan">
          <label class="field">
            From
            <input
              type="date"
              name="planFrom"
              [min]="current.from"
              [max]="current.to"
              [value]="planFrom()"
              (input)="planFrom.set(text($event))"
            />
          </label>
          <label class="field">
            To
            <input
              type="date"
              name="planTo"
              [min]="planFrom()"
              [max]="current.to"
              [value]="planTo()"
              (input)="planTo.set(text($event))"
            />
          </label>
          <button type="submit" class="button primary" [disabled]="plan().status === 'loading'">
            Run shift plan
          </button>
        </form>
        @switch (plan().status) {
          @case ('loading') {
            <p class="status" role="status">
              <span class="spinner" aria-hidden="true"></span>Planning shifts (this can take a minute)…
            </p>
          }
          @case ('error') {
            <div class="alert" role="alert">
              <p>{{ errorOf(plan()) }}</p>
            </div>
          }
        }
        @if (plan(); as state) {
          @if (state.status === 'ready') {
            <p class="small">
              Draft plan of {{ date(state.value.from) }} – {{ date(state.value.to) }}:
              {{ number(state.value.shifts.length) }} shifts.
            </p>
            <div class="table-scroll">
              <table class="table" aria-label="Shift plan per queue" data-testid="plan-queues">
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col" class="number">Gap (h)</th>
                    <th scope="col" class="number">Paid shift hours</th>
                    <th scope="col" class="number">Uncovered intervals</th>
                    <th scope="col" class="number">Over-covered intervals</th>
                  </tr>
                </thead>
                <tbody>
                  @for (queue of state.value.queues; track queue.queue) {
                    <tr>
                      <th scope="row">{{ queue.queue }}</th>
                      <td class="number">{{ number(queue.gapHours) }}</td>
                      <td class="number">{{ number(queue.paidHours) }}</td>
                      <td class="number">{{ number(queue.uncovered) }}</td>
                      <td class="number">{{ number(queue.overCoverage) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            <details>
              <summary>Shifts per day</summary>
              <table class="table" aria-label="Shifts per day">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" class="number">Shifts</th>
                    <th scope="col" class="number">Places</th>
                    <th scope="col" class="number">Paid hours</th>
                  </tr>
                </thead>
                <tbody>
                  @for (day of shiftsPerDay(state.value); track day.date) {
                    <tr>
                      <th scope="row">{{ date(day.date) }}</th>
                      <td class="number">{{ day.shifts }}</td>
                      <td class="number">{{ day.places }}</td>
                      <td class="number">{{ number(day.paidHours, 1) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          }
        }
      </section>
    }

    @if (scenarioList().length >= 2) {
      <section class="card" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare scenarios</h2>
        <div class="compare-pick" role="group" aria-label="Scenarios to compare">
          @for (candidate of scenarioList(); track candidate.id) {
            <label class="check">
              <input
                type="checkbox"
                [checked]="compareIds().includes(candidate.id)"
                (change)="toggleCompare(candidate.id)"
              />
              {{ candidate.name }}
            </label>
          }
          <button
            type="button"
            class="button secondary"
            (click)="compare()"
            [disabled]="compareIds().length < 2"
          >
            Compare
          </button>
        </div>
        @switch (comparison().status) {
          @case ('loading') {
            <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Comparing…</p>
          }
          @case ('error') {
            <div class="alert" role="alert">
              <p>{{ errorOf(comparison()) }}</p>
            </div>
          }
        }
        @if (comparedResults(); as results) {
          <pp-scenario-comparison-table [results]="results" />
        }
      </section>
    }
  `,
  styles: `
    .pick {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 2rem;
    }
    .new {
      display: flex;
      align-items: end;
      gap: 0.5rem;
    }
    .small {
      font-size: 0.8125rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
      gap: 1rem;
      align-items: start;
    }
    @media (max-width: 1000px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .warning {
      background: #fef3c7;
      color: #78350f;
      border-left: 4px solid #d97706;
      padding: 0.5rem 0.75rem;
      border-radius: 6px;
      font-size: 0.875rem;
      margin: 0 0 0.5rem;
    }
    .totals {
      margin-bottom: 1rem;
      font-size: 0.9rem;
    }
    .compare-pick {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      align-items: center;
      margin-bottom: 0.75rem;
    }
    .check {
      display: flex;
      gap: 0.35rem;
      align-items: center;
      font-size: 0.9rem;
    }
    details {
      margin-top: 0.75rem;
    }
    .plan-form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem;
      margin-bottom: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenariosPage {
  private readonly api = inject(PeakplanApi);
  private readonly organisation = inject(OrganisationSettings);

  private readonly listAttempt = signal(0);
  private readonly resultAttempt = signal(0);
  protected readonly scenarioId = signal<string | null>(null);
  protected readonly newName = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly compareIds = signal<string[]>([]);
  protected readonly comparison = signal<LoadState<ScenarioComparison>>(IDLE);
  protected readonly plan = signal<LoadState<StaffingPlanDto>>(IDLE);
  /** The days to plan shifts for: the scenario's first week unless the planner picks others. */
  protected readonly planFrom = signal('');
  protected readonly planTo = signal('');

  protected readonly scenarios = toSignal(
    toObservable(this.listAttempt).pipe(
      switchMap(() => toLoadState(this.api.scenarios(), 'loading the scenarios')),
    ),
    { initialValue: LOADING as LoadState<ScenarioDto[]> },
  );
  protected readonly scenarioList = computed(() => {
    const state = this.scenarios();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly scenario = computed(
    () => this.scenarioList().find((candidate) => candidate.id === this.scenarioId()) ?? null,
  );
  private readonly latestRuns = toSignal(
    this.api.forecastRuns().pipe(
      map((runs) => currentRunPerQueue(runs, calendarDateIn(new Date(), this.organisation.timeZone()))),
      catchError(() => of([] as ForecastRunSummary[])),
    ),
    { initialValue: [] as ForecastRunSummary[] },
  );
  protected readonly events = toSignal(this.api.events().pipe(catchError(() => of([] as EventDto[]))), {
    initialValue: [] as EventDto[],
  });

  protected readonly result = toSignal(
    toObservable(computed(() => ({ id: this.scenarioId(), attempt: this.resultAttempt() }))).pipe(
      switchMap(({ id }) =>
        id ? toLoadState(this.api.scenarioResult(id), 'computing the scenario') : of(IDLE),
      ),
    ),
    { initialValue: IDLE as LoadState<ScenarioResult> },
  );
  protected readonly readyResult = computed(() => {
    const state = this.result();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly hours = computed(() => {
    const result = this.readyResult();
    return result ? reconcileHours(result.totals) : null;
  });
  protected readonly dayBars = computed(() => {
    const result = this.readyResult();
    return result ? toDayBarsData(result) : null;
  });
  protected readonly noCoreStaff = computed(() => {
    const result = this.readyResult();
    return result ? hasNoCoreStaff(result) : false;
  });
  protected readonly comparedResults = computed(() => {
    const state = this.comparison();
    return state.status === 'ready' ? state.value.scenarios : null;
  });
  protected readonly runsText = computed(() =>
    this.latestRuns()
      .map((run) => `${run.queueName} (from ${run.forecastFrom}, ${run.horizonDays} days)`)
      .join(', '),
  );

  constructor() {
    effect(() => {
      const current = this.scenario();
      if (!current) return;
      const weekEnd = addDays(current.from, 6);
      this.planFrom.set(current.from);
      this.planTo.set(weekEnd < current.to ? weekEnd : current.to);
    });
    effect(() => {
      const list = this.scenarioList();
      if (this.scenarioId() === null && list.length > 0) this.scenarioId.set(list[0].id);
    });
  }

  protected choose(id: string): void {
    this.scenarioId.set(id);
    this.plan.set(IDLE);
    this.notice.set(null);
    this.problem.set(null);
  }

  protected create(): void {
    const name = this.newName().trim();
    const runs = this.latestRuns();
    if (!name) return this.problem.set('Give the new scenario a name.');
    if (runs.length === 0)
      return this.problem.set(
        'Run a forecast first: a scenario starts from the latest forecast of each queue.',
      );
    this.busy.set(true);
    this.problem.set(null);
    this.api.createScenario({ name, forecastRunIds: runs.map((run) => run.id) }).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.newName.set('');
        this.notice.set(`Scenario ${created.name} created.`);
        this.scenarioId.set(created.id);
        this.listAttempt.update((count) => count + 1);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(failure(error, 'creating the scenario'));
      },
    });
  }

  protected save(adjustments: ScenarioAdjustments): void {
    const id = this.scenarioId();
    if (!id) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.updateScenario(id, { adjustments }).subscribe({
      next: () => {
        this.busy.set(false);
        this.notice.set('Saved; the result below is recomputed.');
        this.listAttempt.update((count) => count + 1);
        this.resultAttempt.update((count) => count + 1);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(failure(error, 'saving the scenario'));
      },
    });
  }

  protected toggleCompare(id: string): void {
    this.compareIds.update((ids) =>
      ids.includes(id) ? ids.filter((candidate) => candidate !== id) : [...ids, id],
    );
  }

  protected compare(): void {
    const ids = this.compareIds();
    if (ids.length < 2) return;
    this.comparison.set(LOADING);
    toLoadState(this.api.compareScenarios(ids), 'comparing the scenarios').subscribe((state) =>
      this.comparison.set(state),
    );
  }

  protected runPlan(): void {
    const id = this.scenarioId();
    if (!id) return;
    this.plan.set(LOADING);
    toLoadState(
      this.api.createStaffingPlan({ scenarioId: id, from: this.planFrom(), to: this.planTo() }),
      'planning the shifts',
    ).subscribe((state) => this.plan.set(state));
  }

  protected shiftsPerDay(
    plan: StaffingPlanDto,
  ): { date: string; shifts: number; places: number; paidHours: number }[] {
    const byDay = new Map<string, { date: string; shifts: number; places: number; paidHours: number }>();
    for (const shift of plan.shifts) {
      const date = shift.start.slice(0, 10);
      const day = byDay.get(date) ?? { date, shifts: 0, places: 0, paidHours: 0 };
      day.shifts += 1;
      day.places += shift.count;
      day.paidHours += shift.paidHours * shift.count;
      byDay.set(date, day);
    }
    return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(value: number, digits = 0): string {
    return formatNumber(value, digits);
  }

  protected euros(value: number): string {
    return formatEuros(value);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, 1);
  }

  protected date(value: string): string {
    return formatCalendarDate(value, 'short');
  }

  protected instant(value: string): string {
    return formatInstant(value);
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}

/** The newest completed run of each queue: what a new scenario plans on. */
