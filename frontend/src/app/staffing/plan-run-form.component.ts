import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import type { ScenarioDto, StaffingPlanSummaryDto } from '@peakplan/contracts';

import type { LoadState } from '../core/api/load-state';
import { addDays } from '../core/dates/date-range';
import { formatCalendarDate, formatInstant } from '../core/format/organisation-format';

export interface PlanRunRequest {
  scenarioId: string;
  from: string;
  to: string;
  /** How many queues the scenario plans: the solver's time limit is per queue. */
  queues: number;
}

/**
 * Choose a scenario and the days, run the shift plan; or open a plan made before. Presentational: the
 * page runs and loads.
 */
@Component({
  selector: 'pp-plan-run-form',
  template: `
    <section class="card" aria-labelledby="run-heading">
      <h2 id="run-heading">Run a shift plan</h2>
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
          @if (scenarioList().length === 0) {
            <p class="empty">No scenario yet: make one on the Scenarios page first.</p>
          } @else {
            <form class="run-form" aria-label="Run a shift plan" (submit)="$event.preventDefault(); submit()">
              <label class="field">
                Scenario
                <select name="scenario" [value]="scenarioId()" (change)="scenarioId.set(text($event))">
                  @for (candidate of scenarioList(); track candidate.id) {
                    <option [value]="candidate.id" [selected]="candidate.id === scenarioId()">
                      {{ candidate.name }}{{ candidate.isPlan ? ' (plan)' : '' }} ·
                      {{ date(candidate.from) }} –
                      {{ date(candidate.to) }}
                    </option>
                  }
                </select>
              </label>
              <label class="field">
                From
                <input
                  type="date"
                  name="from"
                  [min]="scenario()?.from ?? ''"
                  [max]="scenario()?.to ?? ''"
                  [value]="from()"
                  (input)="from.set(text($event))"
                />
              </label>
              <label class="field">
                To
                <input
                  type="date"
                  name="to"
                  [min]="from()"
                  [max]="scenario()?.to ?? ''"
                  [value]="to()"
                  (input)="to.set(text($event))"
                />
              </label>
              <button type="submit" class="button primary" [disabled]="running() || !mayRun() || !scenario()">
                Run shift plan
              </button>
            </form>
            @if (!mayRun()) {
              <p class="muted">You can read plans here; planners run and publish them.</p>
            }
          }
        }
      }
      @if (planList().length > 0) {
        <label class="field earlier">
          Open a plan made before
          <select name="plan" [value]="planId() ?? ''" (change)="open(text($event))">
            <option value="" disabled>Choose a plan</option>
            @for (plan of planList(); track plan.id) {
              <option [value]="plan.id">
                {{ plan.scenarioName }} · {{ date(plan.from) }} – {{ date(plan.to) }} ·
                {{ plan.draftShifts }} shifts, {{ plan.publishedShifts }} published · made
                {{ instant(plan.createdAt) }}
              </option>
            }
          </select>
        </label>
      }
    </section>
  `,
  styles: `
    .run-form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1rem;
    }
    .earlier {
      margin-top: 1rem;
      max-width: 40rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanRunFormComponent {
  readonly scenarios = input.required<LoadState<ScenarioDto[]>>();
  readonly plans = input.required<LoadState<StaffingPlanSummaryDto[]>>();
  readonly planId = input.required<string | null>();
  readonly running = input.required<boolean>();
  readonly mayRun = input.required<boolean>();
  /** The scenario to offer first (the scenarios page links here with it), where it is in the list. */
  readonly preferredScenarioId = input<string | null>(null);
  readonly run = output<PlanRunRequest>();
  readonly choose = output<string>();

  protected readonly scenarioList = computed(() => {
    const state = this.scenarios();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly planList = computed(() => {
    const state = this.plans();
    return state.status === 'ready' ? state.value : [];
  });
  /** The scenario asked for, else the one marked as the plan, else the first one. */
  protected readonly scenarioId = linkedSignal(() => {
    const list = this.scenarioList();
    const preferred = this.preferredScenarioId();
    return (
      (
        list.find((scenario) => scenario.id === preferred) ??
        list.find((scenario) => scenario.isPlan) ??
        list[0]
      )?.id ?? ''
    );
  });
  protected readonly scenario = computed(
    () => this.scenarioList().find((candidate) => candidate.id === this.scenarioId()) ?? null,
  );
  /** The scenario's first week unless the planner picks other days. */
  protected readonly from = linkedSignal(() => this.scenario()?.from ?? '');
  protected readonly to = linkedSignal(() => {
    const scenario = this.scenario();
    if (!scenario) return '';
    const weekEnd = addDays(scenario.from, 6);
    return weekEnd < scenario.to ? weekEnd : scenario.to;
  });

  protected submit(): void {
    const scenario = this.scenario();
    if (scenario)
      this.run.emit({
        scenarioId: scenario.id,
        from: this.from(),
        to: this.to(),
        queues: scenario.forecastRunIds.length,
      });
  }

  protected open(id: string): void {
    if (id) this.choose.emit(id);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
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
