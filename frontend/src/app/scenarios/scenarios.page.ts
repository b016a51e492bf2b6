import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type {
  EventDto,
  ForecastRunSummary,
  ScenarioAdjustments,
  ScenarioDto,
  ScenarioInputsDto,
} from '@peakplan/contracts';
import { catchError, map, Observable, of, switchMap } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { calendarDateIn } from '../core/dates/date-range';
import {
  formatCalendarDate,
  formatInstant,
  formatNumber,
  organisationTimeZone,
} from '../core/format/organisation-format';
import { AdjustmentsEditorComponent } from './adjustments-editor.component';
import { toAdjustments, toAdjustmentsDraft } from './adjustments-draft';
import { currentRunPerQueue } from './current-runs';
import { oneAtATime } from './recompute/one-at-a-time';
import { type Recomputed, ScenarioRecomputer } from './recompute/scenario-recomputer.service';
import { ScenarioComparePanelComponent } from './scenario-compare-panel.component';
import { ScenarioHeatmapCardComponent } from './scenario-heatmap-card.component';
import { ScenarioResultComponent } from './scenario-result.component';
import { ShiftPlanPanelComponent } from './shift-plan-panel.component';

/** A recompute's answer, or its refusal in words, for the inputs it was computed on (null: none to compute). */
interface RecomputeOutcome {
  inputs: ScenarioInputsDto | null;
  outcome: Recomputed | string | null;
}

function failure(error: unknown, action: string): string {
  const status = error instanceof HttpErrorResponse ? error.status : -1;
  const body = error instanceof HttpErrorResponse ? error.error : undefined;
  return describeApiFailure({ status, error: body }, action);
}

/**
 * Scenarios: make one from the latest forecasts, adjust it and see the result recomputed in the browser
 * (a Web Worker running the server's own computation), save it, compare, plan shifts.
 */
@Component({
  selector: 'pp-scenarios-page',
  imports: [
    AdjustmentsEditorComponent,
    ScenarioComparePanelComponent,
    ScenarioHeatmapCardComponent,
    ScenarioResultComponent,
    ShiftPlanPanelComponent,
  ],
  providers: [ScenarioRecomputer],
  templateUrl: './scenarios.page.html',
  styleUrl: './scenarios.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenariosPage {
  private readonly api = inject(PeakplanApi);
  private readonly recomputer = inject(ScenarioRecomputer);

  private readonly listAttempt = signal(0);
  protected readonly scenarioId = signal<string | null>(null);
  protected readonly newName = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  /** The editor's latest valid adjustments where they differ from the saved ones, else null. */
  protected readonly draft = signal<ScenarioAdjustments | null>(null);
  /** The latest browser result, kept on screen while the next one computes. */
  protected readonly recomputed = signal<Recomputed | null>(null);
  protected readonly recomputeError = signal<string | null>(null);
  protected readonly computing = signal(false);

  protected readonly scenarios = toSignal(
    toObservable(this.listAttempt).pipe(
      switchMap(() => toLoadState(this.api.scenarios(), 'loading the scenarios')),
    ),
    { initialValue: LOADING as LoadState<ScenarioDto[]> },
  );
  /** The last list loaded, kept while it reloads, so the open scenario's editor stays as it is. */
  protected readonly scenarioList = linkedSignal<LoadState<ScenarioDto[]>, ScenarioDto[]>({
    source: this.scenarios,
    computation: (state, previous) => (state.status === 'ready' ? state.value : (previous?.value ?? [])),
  });
  protected readonly scenario = computed(
    () => this.scenarioList().find((candidate) => candidate.id === this.scenarioId()) ?? null,
  );
  /**
   * The open scenario's saved adjustments, the same object while their values stay the same: the list
   * reloads after a create or a save, and that must not reset the editor under a slider being moved.
   */
  protected readonly saved = computed(
    () => {
      const current = this.scenario();
      return current ? { id: current.id, adjustments: current.adjustments } : null;
    },
    {
      equal: (a, b) => a?.id === b?.id && JSON.stringify(a?.adjustments) === JSON.stringify(b?.adjustments),
    },
  );
  private readonly latestRuns = toSignal(
    this.api.forecastRuns().pipe(
      map((runs) => currentRunPerQueue(runs, calendarDateIn(new Date(), organisationTimeZone()))),
      catchError(() => of([] as ForecastRunSummary[])),
    ),
    { initialValue: [] as ForecastRunSummary[] },
  );
  protected readonly events = toSignal(this.api.events().pipe(catchError(() => of([] as EventDto[]))), {
    initialValue: [] as EventDto[],
  });

  /** What the open scenario is computed on, fetched once per scenario. */
  protected readonly inputs = toSignal(
    toObservable(this.scenarioId).pipe(
      switchMap((id) =>
        id ? toLoadState(this.api.scenarioInputs(id), "loading the scenario's forecast") : of(IDLE),
      ),
    ),
    { initialValue: IDLE as LoadState<ScenarioInputsDto> },
  );
  /** Whether the result on screen shows changes that are not saved yet. */
  protected readonly unsaved = computed(() => this.draft() !== null);
  protected readonly runsText = computed(() =>
    this.latestRuns()
      .map((run) => `${run.queueName} (from ${run.forecastFrom}, ${run.horizonDays} days)`)
      .join(', '),
  );

  constructor() {
    effect(() => {
      const list = this.scenarioList();
      if (this.scenarioId() === null && list.length > 0) this.scenarioId.set(list[0].id);
    });
    this.followAdjustments();
  }

  /**
   * Recomputes in the worker whenever the inputs arrive or the adjustments change: at once when the worker
   * is free, else the latest change as soon as it is (a drag shows its positions as fast as they compute).
   */
  private followAdjustments(): void {
    let loaded: ScenarioInputsDto | null = null;
    const request = computed(() => {
      const state = this.inputs();
      if (state.status !== 'ready') return null;
      // After a save the inputs fetched with the scenario hold its old adjustments: the saved ones count.
      const adjustments = this.draft() ?? this.saved()?.adjustments ?? state.value.adjustments;
      return { inputs: state.value, adjustments };
    });
    toObservable(request)
      .pipe(
        oneAtATime((next): Observable<RecomputeOutcome> => {
          if (!next) return of({ inputs: null, outcome: null });
          if (next.inputs !== loaded) {
            this.recomputer.load(next.inputs);
            loaded = next.inputs;
          }
          this.computing.set(true);
          return this.recomputer.compute(next.adjustments).pipe(
            map((recomputed): Recomputed | string => recomputed),
            catchError((error: unknown) =>
              of(error instanceof Error ? error.message : 'The recompute failed. Reload the page.'),
            ),
            map((outcome) => ({ inputs: next.inputs, outcome })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ inputs, outcome }) => {
        this.computing.set(false);
        const current = this.inputs();
        // An answer for a scenario no longer open (its run was under way when another was chosen).
        if (inputs !== null && (current.status !== 'ready' || current.value !== inputs)) return;
        if (outcome === null) this.recomputed.set(null);
        else if (typeof outcome === 'string') this.recomputeError.set(outcome);
        else {
          this.recomputeError.set(null);
          this.recomputed.set(outcome);
        }
      });
  }

  /**
   * The editor's adjustments as they change. Where they say what is saved, the saved adjustments
   * themselves are computed on: the editor keeps percentages to one decimal, a scenario made through the
   * API may hold finer shares, and the result shown must be the saved one to the last digit.
   */
  protected edited(adjustments: ScenarioAdjustments): void {
    const saved = this.scenario()?.adjustments;
    const same =
      saved !== undefined &&
      JSON.stringify(adjustments) === JSON.stringify(toAdjustments(toAdjustmentsDraft(saved)));
    this.draft.set(same ? null : adjustments);
  }

  protected choose(id: string): void {
    this.scenarioId.set(id);
    this.draft.set(null);
    this.recomputed.set(null);
    this.recomputeError.set(null);
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
        this.choose(created.id);
        this.notice.set(`Scenario ${created.name} created.`);
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
        this.notice.set('Saved: the result shown is now the scenario’s saved result.');
        this.listAttempt.update((count) => count + 1);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(failure(error, 'saving the scenario'));
      },
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(value: number, digits = 0): string {
    return formatNumber(value, digits);
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
