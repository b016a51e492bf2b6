import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { ScenarioDto, StaffingPlanDto } from '@peakplan/contracts';

import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { addDays } from '../core/dates/date-range';
import { formatCalendarDate, formatNumber } from '../core/format/organisation-format';

interface ShiftDay {
  date: string;
  shifts: number;
  places: number;
  paidHours: number;
}

/** Shifts per day of a draft plan: how many, how many places, how many paid hours. */
export function shiftsPerDay(plan: StaffingPlanDto): ShiftDay[] {
  const byDay = new Map<string, ShiftDay>();
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

/** Runs the shift plan for the pool gap of the saved scenario over the days the planner picks. */
@Component({
  selector: 'pp-shift-plan-panel',
  template: `
    <form class="plan-form" (submit)="$event.preventDefault(); runPlan()" aria-label="Run shift plan">
      <label class="field">
        From
        <input
          type="date"
          name="planFrom"
          [min]="scenario().from"
          [max]="scenario().to"
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
          [max]="scenario().to"
          [value]="planTo()"
          (input)="planTo.set(text($event))"
        />
      </label>
      <button type="submit" class="button primary" [disabled]="plan().status === 'loading'">
        Run shift plan
      </button>
    </form>
    @let state = plan();
    @switch (state.status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Planning shifts (this can take a minute)…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ state.message }}</p>
        </div>
      }
      @case ('ready') {
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
              @for (day of days(state.value); track day.date) {
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
  `,
  styles: `
    .small {
      font-size: 0.8125rem;
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
export class ShiftPlanPanelComponent {
  private readonly api = inject(PeakplanApi);
  readonly scenario = input.required<ScenarioDto>();

  protected readonly plan = signal<LoadState<StaffingPlanDto>>(IDLE);
  /** The days to plan shifts for: the scenario's first week unless the planner picks others. */
  protected readonly planFrom = signal('');
  protected readonly planTo = signal('');

  constructor() {
    let shownFor: string | null = null;
    effect(() => {
      const current = this.scenario();
      // Another scenario: its own first week, and the previous one's plan gone.
      if (current.id === shownFor) return;
      shownFor = current.id;
      this.plan.set(IDLE);
      const weekEnd = addDays(current.from, 6);
      this.planFrom.set(current.from);
      this.planTo.set(weekEnd < current.to ? weekEnd : current.to);
    });
  }

  protected runPlan(): void {
    this.plan.set(LOADING);
    toLoadState(
      this.api.createStaffingPlan({
        scenarioId: this.scenario().id,
        from: this.planFrom(),
        to: this.planTo(),
      }),
      'planning the shifts',
    ).subscribe((state) => this.plan.set(state));
  }

  protected days(plan: StaffingPlanDto): ShiftDay[] {
    return shiftsPerDay(plan);
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
}
