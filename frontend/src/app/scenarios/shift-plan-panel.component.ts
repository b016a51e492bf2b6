import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ScenarioDto } from '@peakplan/contracts';

/**
 * Shift plans are run in one place, the staffing page, where they are also published to the pool: this
 * sends the planner there with the open scenario chosen (`?scenario=`).
 */
@Component({
  selector: 'pp-shift-plan-panel',
  imports: [RouterLink],
  template: `
    <p class="small">
      The staffing page turns the saved scenario's pool gap into shifts over the days you pick, and publishes
      them to the pool.
    </p>
    <a
      class="button primary"
      routerLink="/planning/staffing"
      [queryParams]="{ scenario: scenario().id }"
      data-testid="plan-shifts-link"
    >
      Plan shifts for {{ scenario().name }}
    </a>
  `,
  styles: `
    .small {
      font-size: 0.8125rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShiftPlanPanelComponent {
  readonly scenario = input.required<ScenarioDto>();
}
