import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { ScenarioComparison, ScenarioDto } from '@peakplan/contracts';

import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { ScenarioComparisonTableComponent } from './scenario-comparison-table.component';

/** Two or more saved scenarios side by side (the server's results). */
@Component({
  selector: 'pp-scenario-compare-panel',
  imports: [ScenarioComparisonTableComponent],
  template: `
    <div class="compare-pick" role="group" aria-label="Scenarios to compare">
      @for (candidate of scenarios(); track candidate.id) {
        <label class="check">
          <input
            type="checkbox"
            [checked]="compareIds().includes(candidate.id)"
            (change)="toggle(candidate.id)"
          />
          {{ candidate.name }}
        </label>
      }
      <button type="button" class="button secondary" (click)="compare()" [disabled]="compareIds().length < 2">
        Compare
      </button>
    </div>
    @let state = comparison();
    @switch (state.status) {
      @case ('loading') {
        <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Comparing…</p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ state.message }}</p>
        </div>
      }
    }
    @if (results(); as compared) {
      <pp-scenario-comparison-table [results]="compared" />
    }
  `,
  styles: `
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenarioComparePanelComponent {
  private readonly api = inject(PeakplanApi);
  readonly scenarios = input.required<ScenarioDto[]>();

  protected readonly compareIds = signal<string[]>([]);
  protected readonly comparison = signal<LoadState<ScenarioComparison>>(IDLE);
  protected readonly results = computed(() => {
    const state = this.comparison();
    return state.status === 'ready' ? state.value.scenarios : null;
  });

  protected toggle(id: string): void {
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
}
