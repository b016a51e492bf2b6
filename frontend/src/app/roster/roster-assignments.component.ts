import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { PinState, RosterRow } from './roster-view';

/**
 * Who got which shift in a run, and who marked it but was not given it, with pin buttons while the
 * run is not published. Presentational: the page keeps the pins.
 */
@Component({
  selector: 'pp-roster-assignments',
  template: `
    @for (row of rows(); track row.shiftId) {
      <div class="shift-block" data-testid="roster-shift">
        <h4>
          {{ row.label }}
          <span class="muted">· {{ row.assigned.length }} of {{ row.places }} places</span>
        </h4>
        @if (row.assigned.length === 0) {
          <p class="empty">Nobody given.</p>
        } @else {
          <ul class="people" [attr.aria-label]="'Given ' + row.label">
            @for (person of row.assigned; track person.memberId) {
              <li data-testid="roster-assignment">
                <span class="name">
                  {{ person.name }}
                  @if (person.added) {
                    <span class="tag">new</span>
                  }
                  @if (person.pin === 'in') {
                    <span class="tag">pinned in</span>
                  }
                </span>
                @if (!published()) {
                  <span class="pin-actions">
                    @if (person.pin === 'in') {
                      <button
                        type="button"
                        class="button secondary"
                        (click)="pin.emit({ shiftId: row.shiftId, memberId: person.memberId, pin: null })"
                      >
                        Unpin {{ person.name }}
                      </button>
                    } @else {
                      <button
                        type="button"
                        class="button secondary"
                        (click)="pin.emit({ shiftId: row.shiftId, memberId: person.memberId, pin: 'in' })"
                      >
                        Pin {{ person.name }} in
                      </button>
                    }
                    <button
                      type="button"
                      class="button secondary"
                      (click)="pin.emit({ shiftId: row.shiftId, memberId: person.memberId, pin: 'out' })"
                    >
                      Pin {{ person.name }} out
                    </button>
                  </span>
                }
              </li>
            }
          </ul>
        }
        @if (row.notGiven.length > 0) {
          <ul class="people wants" [attr.aria-label]="'Marked but not given ' + row.label">
            @for (want of row.notGiven; track want.memberId) {
              <li>
                <span class="name">
                  {{ want.name }}
                  <span class="muted">· {{ want.reason }}</span>
                  @if (want.pin === 'out') {
                    <span class="tag warn">pinned out</span>
                  }
                  @if (want.pin === 'in') {
                    <span class="tag">pinned in (next run)</span>
                  }
                </span>
                @if (!published()) {
                  <span class="pin-actions">
                    @if (want.pin) {
                      <button
                        type="button"
                        class="button secondary"
                        (click)="pin.emit({ shiftId: row.shiftId, memberId: want.memberId, pin: null })"
                      >
                        Unpin {{ want.name }}
                      </button>
                    } @else {
                      <button
                        type="button"
                        class="button secondary"
                        (click)="pin.emit({ shiftId: row.shiftId, memberId: want.memberId, pin: 'in' })"
                      >
                        Pin {{ want.name }} in
                      </button>
                    }
                  </span>
                }
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    h4 {
      margin: 0 0 0.4rem;
      font-size: 0.95rem;
    }
    .shift-block {
      border-top: 1px solid var(--border);
      padding: 0.75rem 0;
    }
    .people {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .people li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.4rem 1rem;
      padding: 0.35rem 0;
    }
    .wants .name {
      color: var(--text-muted);
    }
    .pin-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterAssignmentsComponent {
  readonly rows = input.required<RosterRow[]>();
  readonly published = input.required<boolean>();
  readonly pin = output<{ shiftId: string; memberId: string; pin: PinState }>();
}
