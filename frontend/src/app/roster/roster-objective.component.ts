import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AllocationObjectiveDto } from '@peakplan/contracts';

import { objectiveParts, stageLines } from './roster-view';

/** An allocation run's objective: its parts as key figures and each solver stage as a table row. */
@Component({
  selector: 'pp-roster-objective',
  template: `
    <dl class="figures" aria-label="The objective's parts">
      @for (part of parts(); track part.label) {
        <div class="figure">
          <dt>{{ part.label }}</dt>
          <dd>
            <span class="value">{{ part.value }}</span>
            <span class="muted">{{ part.hint }}</span>
          </dd>
        </div>
      }
    </dl>
    <div class="table-scroll">
      <table class="table" aria-label="Solver stages">
        <caption class="muted">
          Each stage's HiGHS solve, holding the stages before it. HiGHS minimises, so a part that is maximised
          (cover, preferences) shows as a negative objective.
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col" class="number">Objective</th>
            <th scope="col" class="number">Bound</th>
            <th scope="col" class="number">Gap</th>
            <th scope="col" class="number">Time</th>
          </tr>
        </thead>
        <tbody>
          @for (stage of stages(); track stage.stage) {
            <tr>
              <th scope="row">{{ stage.stage }}</th>
              <td>{{ stage.status }}</td>
              <td class="number">{{ stage.objective }}</td>
              <td class="number">{{ stage.bound }}</td>
              <td class="number">{{ stage.gap }}</td>
              <td class="number">{{ stage.seconds }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .figures {
      --figure-min: 11rem;
    }
    .figure .value {
      font-size: 1.3rem;
    }
    .figure .muted {
      font-size: 0.8rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterObjectiveComponent {
  readonly objective = input.required<AllocationObjectiveDto>();
  protected readonly parts = computed(() => objectiveParts(this.objective()));
  protected readonly stages = computed(() => stageLines(this.objective()));
}
