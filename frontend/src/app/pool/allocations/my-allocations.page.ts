import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { PoolShiftDto } from '@peakplan/contracts';

import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { formatInstant } from '../../core/format/organisation-format';
import { MyAllocationsApi } from './my-allocations-api.service';
import { shiftPlace, shiftWhen } from '../shift-text';

/** The pool member's results of published rosters by preference: what they got, and why not the rest. */
@Component({
  selector: 'pp-my-allocations-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>My roster results</h1>
      <p class="lead">
        On shifts rostered by preference, the planners share out the places after the sign-up window closes.
        Here is what you got, and for each shift you wanted but did not get, why.
      </p>
    </header>

    @switch (results().status) {
      @case ('loading') {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading your results…
        </p>
      }
      @case ('error') {
        <div class="alert" role="alert">
          <p>{{ messageOf(results()) }}</p>
        </div>
      }
      @case ('ready') {
        @if (resultList().length === 0) {
          <section class="card">
            <p class="empty">No roster with your preferences has been published yet.</p>
          </section>
        }
        @for (result of resultList(); track result.allocationId) {
          <section
            class="card"
            [attr.aria-labelledby]="'result-' + result.allocationId"
            data-testid="my-allocation"
          >
            <h2 [id]="'result-' + result.allocationId">Roster published {{ instant(result.publishedAt) }}</h2>
            <h3>Shifts you got</h3>
            @if (result.given.length === 0) {
              <p class="empty">None this time.</p>
            } @else {
              <ul class="shifts" aria-label="Shifts you got">
                @for (shift of result.given; track shift.id) {
                  <li data-testid="given-shift">
                    <strong>{{ label(shift) }}</strong>
                    <span class="muted">{{ where(shift) }}</span>
                  </li>
                }
              </ul>
            }
            @if (result.notGiven.length > 0) {
              <h3>Shifts you marked but did not get</h3>
              <ul class="shifts" aria-label="Shifts you marked but did not get">
                @for (entry of result.notGiven; track entry.shift.id) {
                  <li data-testid="not-given-shift">
                    <strong>{{ label(entry.shift) }}</strong>
                    <span class="muted"
                      >You {{ entry.preference === 'want' ? 'wanted' : 'could take' }} it.</span
                    >
                    <span>{{ entry.reason }}</span>
                  </li>
                }
              </ul>
            }
          </section>
        }
      }
    }
  `,
  styles: `
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.4rem;
    }
    .shifts {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .shifts li {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--border);
      overflow-wrap: anywhere;
    }
    .shifts li:last-child {
      border-bottom: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyAllocationsPage {
  private readonly api = inject(MyAllocationsApi);

  protected readonly results = toSignal(
    toLoadState(this.api.myAllocations(), 'loading your roster results'),
    {
      initialValue: LOADING,
    },
  );
  protected readonly resultList = computed(() => {
    const state = this.results();
    return state.status === 'ready' ? state.value : [];
  });

  protected label(shift: PoolShiftDto): string {
    return `${shiftWhen(shift)} · ${shift.skill}`;
  }

  protected where(shift: PoolShiftDto): string {
    return shiftPlace(shift);
  }

  protected instant(iso: string): string {
    return formatInstant(iso);
  }

  protected messageOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
