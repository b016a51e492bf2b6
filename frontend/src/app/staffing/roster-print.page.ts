import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PlanRosterDto, PlanRosterLineDto } from '@peakplan/contracts';
import { map, of, switchMap } from 'rxjs';

import { LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { formatCalendarDate } from '../core/format/organisation-format';
import { StaffingApi } from './staffing-api.service';

interface RosterShift {
  shiftId: string;
  time: string;
  queue: string;
  people: PlanRosterLineDto[];
  open: number;
}

/** The plan's roster, printable: per day and shift, who works it and how many places are still open. */
@Component({
  selector: 'pp-roster-print-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <p class="eyebrow no-print">Planning</p>
      <h1>Roster{{ title() }}</h1>
      <p class="no-print">
        <a routerLink="/planning/staffing" [queryParams]="{ plan: planId() }">Back to the staffing plan</a>
        · <button type="button" class="button primary" (click)="print()">Print</button>
      </p>
    </header>
    @switch (roster().status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading the roster…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ errorText() }}</p>
        </div>
      }
      @case ('ready') {
        @if (days().length === 0) {
          <p class="empty">Nothing published from this plan yet.</p>
        }
        @for (day of days(); track day.date) {
          <section class="print-day" [attr.aria-label]="dateText(day.date)">
            <h2>{{ dateText(day.date) }}</h2>
            <table
              class="table"
              [attr.aria-label]="'Roster of ' + dateText(day.date)"
              data-testid="print-roster"
            >
              <thead>
                <tr>
                  <th scope="col">Time ({{ timeZone() }})</th>
                  <th scope="col">Queue</th>
                  <th scope="col">Who</th>
                  <th scope="col" class="number">Open places</th>
                </tr>
              </thead>
              <tbody>
                @for (shift of day.shifts; track shift.shiftId) {
                  <tr>
                    <th scope="row">{{ shift.time }}</th>
                    <td>{{ shift.queue }}</td>
                    <td>
                      @for (person of shift.people; track $index) {
                        <span class="person"
                          >{{ person.member
                          }}{{ person.department ? ' (' + person.department + ')' : '' }}</span
                        >
                      } @empty {
                        <span class="muted">nobody yet</span>
                      }
                    </td>
                    <td class="number">{{ shift.open }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </section>
        }
      }
    }
  `,
  styles: `
    .person {
      display: inline-block;
      margin-right: 0.75rem;
    }
    .print-day {
      margin-bottom: 1.25rem;
      break-inside: avoid;
    }
    .print-day h2 {
      font-size: 1.05rem;
    }
    @media print {
      .print-day {
        break-inside: avoid-page;
      }
      .table th,
      .table td {
        padding: 0.2rem 0.4rem;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterPrintPage {
  private readonly api = inject(StaffingApi);
  protected readonly planId = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('plan'))),
    { initialValue: null },
  );
  protected readonly roster = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(
      map((params) => params.get('plan')),
      switchMap((id) =>
        id
          ? toLoadState(this.api.roster(id), 'loading the roster')
          : of<LoadState<PlanRosterDto>>({
              status: 'error',
              httpStatus: 400,
              message: 'No plan chosen: open the roster from a staffing plan.',
            }),
      ),
    ),
    { initialValue: LOADING as LoadState<PlanRosterDto> },
  );
  protected readonly title = computed(() => {
    const state = this.roster();
    return state.status === 'ready' ? ` of "${state.value.scenarioName}"` : '';
  });
  protected readonly timeZone = computed(() => {
    const state = this.roster();
    return state.status === 'ready' ? state.value.timeZone : '';
  });
  protected readonly errorText = computed(() => {
    const state = this.roster();
    return state.status === 'error' ? state.message : '';
  });
  /** Lines grouped by day and shift, in the roster's order (by start). */
  protected readonly days = computed(() => {
    const state = this.roster();
    if (state.status !== 'ready') return [];
    const days: { date: string; shifts: RosterShift[] }[] = [];
    for (const line of state.value.lines) {
      let day = days.find((candidate) => candidate.date === line.date);
      if (!day) days.push((day = { date: line.date, shifts: [] }));
      let shift = day.shifts.find((candidate) => candidate.shiftId === line.shiftId);
      if (!shift)
        day.shifts.push(
          (shift = {
            shiftId: line.shiftId,
            time: `${line.start}–${line.end}`,
            queue: line.queue,
            people: [],
            open: 0,
          }),
        );
      if (line.member === null) shift.open += 1;
      else shift.people.push(line);
    }
    return days;
  });

  protected dateText(value: string): string {
    return formatCalendarDate(value, 'long');
  }

  protected print(): void {
    window.print();
  }
}
