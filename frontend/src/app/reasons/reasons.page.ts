import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { ContactReasonsReport, DeflectionScenarioResult } from '@peakplan/contracts';
import { combineLatest, map, of, switchMap } from 'rxjs';

import { PeakplanApi } from '../core/api/peakplan-api.service';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { AuthService } from '../core/auth/auth.service';
import { formatNumber, formatPercent } from '../core/format/organisation-format';
import { DeflectionFiguresComponent } from './deflection-figures.component';
import { ReasonBarsComponent } from './reason-bars.component';
import { ReasonQualityComponent } from './reason-quality.component';
import { reasonBars, reasonLabel } from './reason-chart-data';
import { ReasonsApi } from './reasons-api.service';

/** Years offered: this one and the four before (history rarely reaches further back). */
function recentYears(): number[] {
  const year = new Date().getFullYear();
  return [year, year - 1, year - 2, year - 3, year - 4];
}

/**
 * Contact reasons at the peaks: which reasons drive a peak, what each costs in staff hours, the
 * answer's quality at the peak against ordinary weeks, and a deflection scenario made from a reason.
 */
@Component({
  selector: 'pp-reasons-page',
  imports: [DeflectionFiguresComponent, ReasonBarsComponent, ReasonQualityComponent, RouterLink],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Contact reasons at the peaks</h1>
      <p class="lead">
        Which reasons swell at a peak, what they cost in staff hours, and what self-service could save.
      </p>
    </header>

    <section class="card" aria-labelledby="choice-heading">
      <h2 id="choice-heading">Queue and peak</h2>
      <div class="controls">
        <div class="control field">
          <label for="reasons-queue">Queue</label>
          <select id="reasons-queue" (change)="queue.set($any($event.target).value)">
            @for (option of queueNames(); track option) {
              <option [value]="option" [selected]="option === queue()">{{ option }}</option>
            }
          </select>
        </div>
        <div class="control field">
          <label for="reasons-event">Event</label>
          <select id="reasons-event" (change)="event.set($any($event.target).value)">
            @for (option of events(); track option.key) {
              <option [value]="option.key" [selected]="option.key === event()">{{ option.name }}</option>
            }
          </select>
        </div>
        <div class="control field">
          <label for="reasons-year">Year</label>
          <select id="reasons-year" (change)="year.set(+$any($event.target).value)">
            @for (option of years; track option) {
              <option [value]="option" [selected]="option === year()">{{ option }}</option>
            }
          </select>
        </div>
      </div>
    </section>

    @switch (report().status) {
      @case ('loading') {
        <p class="status" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true"></span>Loading the contact reasons…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ messageOf(report()) }}</p>
        </div>
      }
    }

    @if (shown(); as shown) {
      <section class="card" aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">
          {{ shown.eventName }} {{ shown.year }}, {{ shown.queue }}: {{ shown.from }} to {{ shown.to }}
        </h2>
        <p class="muted">
          Against the ordinary weeks {{ shown.ordinaryFrom }} to {{ shown.ordinaryTo }} ({{
            shown.ordinaryDays
          }}
          days outside every event window). Staff hours: what each reason's contacts cost the window's
          staffing (scheduled, after 30% shrinkage).
        </p>
        @for (warning of shown.warnings; track warning) {
          <p class="alert" role="status">{{ warning }}</p>
        }
        @if (shown.reasons.length > 0) {
          <pp-reason-bars [data]="bars()!" />
          <div class="table-scroll">
            <table class="table">
              <caption class="muted">
                Reasons ranked by the staff hours they cost at the peak
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" class="number">Contacts at the peak</th>
                  <th scope="col" class="number">Share at the peak</th>
                  <th scope="col" class="number">Share in ordinary weeks</th>
                  <th scope="col" class="number">Growth per day</th>
                  <th scope="col" class="number">Part of the extra contacts</th>
                  <th scope="col" class="number">Staff hours</th>
                </tr>
              </thead>
              <tbody>
                @for (row of shown.reasons; track row.reason) {
                  <tr>
                    <th scope="row">{{ label(row.reason) }}</th>
                    <td class="number">{{ number(row.peakContacts) }}</td>
                    <td class="number">{{ percent(row.peakShare) }}</td>
                    <td class="number">{{ percent(row.ordinaryShare) }}</td>
                    <td class="number">{{ row.growth === null ? '–' : '×' + number(row.growth, 2) }}</td>
                    <td class="number">{{ percent(row.extraShare) }}</td>
                    <td class="number">{{ number(row.poolHours, 1) }} h</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      @if (canPlan() && shown.reasons.length > 0) {
        <section class="card" aria-labelledby="deflection-heading">
          <h2 id="deflection-heading">Deflect a reason with self-service</h2>
          <p class="muted">
            Makes a scenario over the next {{ shown.eventName }} window on the latest forecast of
            {{ shown.queue }} (a forecast is made first when none reaches it), taking the share away on each
            day by that day's reason mix in past years.
          </p>
          <form class="controls" (submit)="deflect($event)">
            <div class="control field">
              <label for="deflect-reason">Reason</label>
              <select id="deflect-reason" (change)="deflectReason.set($any($event.target).value)">
                @for (row of namedReasons(); track row.reason) {
                  <option [value]="row.reason" [selected]="row.reason === chosenReason()">
                    {{ row.reason }}
                  </option>
                }
              </select>
            </div>
            <div class="control field">
              <label for="deflect-share">Share prevented (%)</label>
              <input
                id="deflect-share"
                type="number"
                min="1"
                max="100"
                step="1"
                [value]="deflectPercent()"
                (input)="deflectPercent.set(+$any($event.target).value)"
              />
            </div>
            <div class="control action">
              <button type="submit" class="button primary" [disabled]="deflecting() || !validPercent()">
                Create deflection scenario
              </button>
            </div>
          </form>
          @if (!validPercent()) {
            <p class="alert" role="alert">The share prevented must be a whole percentage from 1 to 100.</p>
          }
          @if (deflecting()) {
            <p class="status" role="status" aria-live="polite">
              <span class="spinner" aria-hidden="true"></span>Making the scenario (and the forecast, when none
              reaches the window)…
            </p>
          }
          @if (deflectionError(); as error) {
            <div class="alert" role="alert">
              <p>{{ error }}</p>
            </div>
          }
          @if (deflection(); as made) {
            <div aria-live="polite">
              <p>
                Scenario <strong>{{ made.scenario.name }}</strong>, {{ made.scenario.from }} to
                {{ made.scenario.to }}
                @if (made.forecastRunStarted) {
                  (on a forecast made just now)
                }
                · <a routerLink="/planning/scenarios">open the scenarios</a>
              </p>
              <pp-deflection-figures [result]="made" />
            </div>
          }
        </section>
      }

      <pp-reason-quality [report]="shown" />
    }
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-end;
      margin-bottom: 0.75rem;
    }
    .control {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.9rem;
      min-width: 0;
    }
    .control input {
      width: 7rem;
    }
    .table-scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    pp-reason-bars {
      display: block;
      margin-bottom: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonsPage {
  private readonly api = inject(ReasonsApi);
  private readonly planningApi = inject(PeakplanApi);
  private readonly user = inject(AuthService).user;

  protected readonly years = recentYears();
  protected readonly queue = signal('phone');
  protected readonly event = signal('valentines');
  protected readonly year = signal(new Date().getFullYear());

  private readonly queues = toSignal(this.planningApi.queues().pipe(map((list) => list.map((q) => q.name))), {
    initialValue: [] as string[],
  });
  protected readonly queueNames = computed(() => {
    const names = this.queues();
    return names.includes(this.queue()) ? names : [this.queue(), ...names];
  });
  protected readonly events = toSignal(
    this.planningApi.events().pipe(map((list) => list.map((e) => ({ key: e.key, name: e.name })))),
    { initialValue: [{ key: 'valentines', name: "Valentine's Day" }] },
  );

  protected readonly report = toSignal(
    combineLatest([toObservable(this.queue), toObservable(this.event), toObservable(this.year)]).pipe(
      switchMap(([queue, event, year]) =>
        queue && event
          ? toLoadState(this.api.report(queue, event, year), `loading the contact reasons of ${queue}`)
          : of<LoadState<ContactReasonsReport>>(IDLE),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly shown = computed(() => {
    const state = this.report();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly bars = computed(() => {
    const report = this.shown();
    return report ? reasonBars(report) : null;
  });
  protected readonly namedReasons = computed(() =>
    (this.shown()?.reasons ?? []).filter((row) => row.reason !== ''),
  );
  protected readonly canPlan = computed(() => (this.user()?.roles ?? []).includes('planner'));
  protected readonly deflectReason = signal<string | null>(null);
  protected readonly chosenReason = computed(
    () => this.deflectReason() ?? this.namedReasons()[0]?.reason ?? '',
  );
  protected readonly deflectPercent = signal(30);
  protected readonly validPercent = computed(() => {
    const value = this.deflectPercent();
    return Number.isInteger(value) && value >= 1 && value <= 100;
  });
  protected readonly deflecting = signal(false);
  protected readonly deflection = signal<DeflectionScenarioResult | null>(null);
  protected readonly deflectionError = signal<string | null>(null);

  protected deflect(event: Event): void {
    event.preventDefault();
    const report = this.shown();
    if (!report || !this.validPercent() || this.deflecting()) return;
    this.deflecting.set(true);
    this.deflection.set(null);
    this.deflectionError.set(null);
    toLoadState(
      this.api.createDeflection({
        queue: report.queue,
        event: report.event,
        reason: this.chosenReason(),
        share: this.deflectPercent() / 100,
      }),
      'making the deflection scenario',
    ).subscribe((state) => {
      if (state.status === 'loading') return;
      this.deflecting.set(false);
      if (state.status === 'ready') this.deflection.set(state.value);
      if (state.status === 'error') this.deflectionError.set(state.message);
    });
  }

  protected messageOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  protected label(reason: string): string {
    return reasonLabel(reason);
  }

  protected number(value: number | null, digits = 0): string {
    return formatNumber(value, digits);
  }

  protected percent(value: number | null): string {
    return formatPercent(value);
  }
}
