import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ScenarioComparison } from '@peakplan/contracts';

import { IDLE, LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { formatCalendarDate } from '../../core/format/organisation-format';
import { ScenarioComparisonTableComponent } from '../../scenarios/scenario-comparison-table.component';
import { ManagementApi } from '../management-api.service';

/** The planners' scenarios side by side, read-only: a manager compares their cost and service level. */
@Component({
  selector: 'pp-scenario-compare-page',
  imports: [ScenarioComparisonTableComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Management</p>
      <h1>Compare scenarios</h1>
      <p class="lead">
        The planners' what-if scenarios side by side: hours, cost and the service level with and without the
        pool. Read-only; the planners change them.
      </p>
    </header>

    <section class="card" aria-labelledby="pick-heading">
      <h2 id="pick-heading">Scenarios</h2>
      @switch (scenarios().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the scenarios…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(scenarios()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (scenarioList().length < 2) {
            <p class="empty">
              Comparing needs two scenarios; the planners have made {{ scenarioList().length }}.
            </p>
          } @else {
            <fieldset>
              <legend>Pick two or more to compare</legend>
              @for (scenario of scenarioList(); track scenario.id) {
                <label class="check">
                  <input
                    type="checkbox"
                    [checked]="picked().includes(scenario.id)"
                    (change)="toggle(scenario.id)"
                  />
                  <span>
                    {{ scenario.name }}
                    @if (scenario.isPlan) {
                      <span class="tag">the plan</span>
                    }
                    <span class="muted small">{{ period(scenario.from, scenario.to) }}</span>
                  </span>
                </label>
              }
            </fieldset>
            <button type="button" class="button primary" [disabled]="picked().length < 2" (click)="compare()">
              Compare
            </button>
          }
        }
      }
    </section>

    <div aria-live="polite">
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
    </div>
    @if (results(); as compared) {
      <section class="card" aria-labelledby="compared-heading">
        <h2 id="compared-heading">Side by side</h2>
        <pp-scenario-comparison-table [results]="compared" />
      </section>
    }
  `,
  styles: `
    fieldset {
      border: none;
      padding: 0;
      margin: 0 0 0.75rem;
      display: grid;
      gap: 0.4rem;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.4rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
    }
    .small {
      font-size: 0.8125rem;
      margin-left: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenarioComparePage {
  private readonly api = inject(ManagementApi);
  protected readonly scenarios = toSignal(toLoadState(this.api.scenarios(), 'loading the scenarios'), {
    initialValue: LOADING,
  });
  protected readonly scenarioList = computed(() => {
    const state = this.scenarios();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly picked = signal<string[]>([]);
  protected readonly comparison = signal<LoadState<ScenarioComparison>>(IDLE);
  protected readonly results = computed(() => {
    const state = this.comparison();
    return state.status === 'ready' ? state.value.scenarios : null;
  });

  protected toggle(id: string): void {
    this.picked.update((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  }

  protected compare(): void {
    const ids = this.picked();
    if (ids.length < 2) return;
    toLoadState(this.api.compareScenarios(ids), 'comparing the scenarios').subscribe((state) =>
      this.comparison.set(state),
    );
  }

  protected period(from: string, to: string): string {
    return `${formatCalendarDate(from, 'short')} – ${formatCalendarDate(to, 'short')}`;
  }

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
