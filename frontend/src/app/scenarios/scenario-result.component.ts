import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ScenarioResult } from '@peakplan/contracts';

import { StaffingDayBarsComponent } from '../charts/staffing-day-bars/staffing-day-bars.component';
import { formatEuros, formatNumber, formatPercent } from '../core/format/organisation-format';
import { hasNoCoreStaff, reconcileHours, toDayBarsData } from './scenario-figures';

/** A scenario's result: warnings, totals that reconcile, hours per day, and the queues side by side. */
@Component({
  selector: 'pp-scenario-result',
  imports: [StaffingDayBarsComponent],
  template: `
    @let outcome = result();
    @if (noCoreStaff()) {
      <p class="warning" role="note" data-testid="no-core-staff">
        This scenario has no core staff: all {{ number(outcome.totals.scheduledHours) }} scheduled hours go to
        the pool. Add a core staff pattern or upload core staff per interval.
      </p>
    }
    @for (warning of outcome.warnings; track warning) {
      <p class="warning" role="note">{{ warning }}</p>
    }
    @let figures = hours();
    <dl class="totals" data-testid="scenario-totals" [attr.data-totals]="totalsJson()">
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
      <dd data-testid="core-surplus">
        {{ number(figures.coreHours) }} h:
        @if (figures.coreSurplusHours > 0) {
          {{ number(figures.coreUsedHours) }} h used and {{ number(figures.coreSurplusHours) }} h surplus
          (present when fewer are needed, so not counted against the gap)
        } @else {
          all of it used, no surplus
        }
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
    @let bars = dayBars();
    @if (bars.dates.length === 0) {
      <p class="empty">The scenario's period has no days.</p>
    } @else {
      <pp-staffing-day-bars [data]="bars" />
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
  `,
  styles: `
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenarioResultComponent {
  readonly result = input.required<ScenarioResult>();

  protected readonly hours = computed(() => reconcileHours(this.result().totals));
  protected readonly dayBars = computed(() => toDayBarsData(this.result()));
  protected readonly noCoreStaff = computed(() => hasNoCoreStaff(this.result()));
  /** The unformatted totals, for the browser-against-server agreement test. */
  protected readonly totalsJson = computed(() => JSON.stringify(this.result().totals));

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected euros(value: number): string {
    return formatEuros(value);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, 1);
  }
}
