import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ScenarioResult } from '@peakplan/contracts';

import { formatEuros, formatNumber, formatPercent } from '../core/format/organisation-format';
import { ComparisonRow, comparisonRows } from './scenario-figures';

/**
 * Two or more scenarios' totals side by side, each with its difference from the first. Read-only and
 * presentational: the planner's scenarios page and the manager's comparison both show it.
 */
@Component({
  selector: 'pp-scenario-comparison-table',
  template: `
    <div class="table-scroll">
      <table class="table" aria-label="Scenario comparison" data-testid="comparison">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            @for (name of names(); track $index; let index = $index) {
              <th scope="col" class="number">{{ name }}</th>
              @if (index > 0) {
                <th scope="col" class="number">Difference</th>
              }
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.figure) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (value of row.values; track $index; let index = $index) {
                <td class="number">{{ cell(row, value) }}</td>
                @if (index > 0) {
                  <td class="number difference">{{ cell(row, row.differences[index], true) }}</td>
                }
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .difference {
      color: var(--text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenarioComparisonTableComponent {
  readonly results = input.required<readonly Pick<ScenarioResult, 'name' | 'totals'>[]>();
  protected readonly rows = computed(() => comparisonRows(this.results()));
  protected readonly names = computed(() => this.results().map((result) => result.name));

  protected cell(row: ComparisonRow, value: number | null, signed = false): string {
    if (value === null) return '–';
    const sign = signed && value > 0 ? '+' : '';
    switch (row.kind) {
      case 'money':
        return sign + formatEuros(value);
      case 'share':
        return sign + formatPercent(value, 1);
      default:
        return sign + formatNumber(value);
    }
  }
}
