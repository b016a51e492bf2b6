import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DeflectionScenarioResult } from '@peakplan/contracts';

import { formatEuros, formatNumber } from '../core/format/organisation-format';

/** What a deflection scenario saves: pool hours, cost and service level, each with its before and after. */
@Component({
  selector: 'pp-deflection-figures',
  template: `
    <dl class="figures" aria-label="What the deflection saves">
      <div class="figure">
        <dt>Pool hours saved</dt>
        <dd>
          <span class="value" data-testid="pool-hours-saved">{{ number(result().poolHoursSaved, 1) }} h</span>
          <span class="muted"
            >{{ number(result().without.poolHours, 1) }} h → {{ number(result().with.poolHours, 1) }} h</span
          >
        </dd>
      </div>
      <div class="figure">
        <dt>Cost saved</dt>
        <dd>
          <span class="value">{{ euros(result().costSaved) }}</span>
          <span class="muted">{{ euros(result().without.cost) }} → {{ euros(result().with.cost) }}</span>
        </dd>
      </div>
      <div class="figure">
        <dt>Service level gained</dt>
        <dd>
          <span class="value">{{ points(result().serviceLevelGained) }}</span>
          <span class="muted">keeping the staff planned without deflection</span>
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .figures {
      --figure-min: 11rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeflectionFiguresComponent {
  readonly result = input.required<DeflectionScenarioResult>();

  protected number(value: number | null, digits = 0): string {
    return formatNumber(value, digits);
  }

  protected euros(value: number): string {
    return formatEuros(value);
  }

  /** A change of service level in percentage points: `+2,3 pp`. */
  protected points(value: number | null): string {
    if (value === null) return '–';
    return `${value >= 0 ? '+' : ''}${formatNumber(value * 100, 1)} pp`;
  }
}
