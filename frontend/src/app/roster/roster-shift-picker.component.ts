import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { PoolShiftDto } from '@peakplan/contracts';

import { formatInstant } from '../core/format/organisation-format';
import { shiftLabel } from './roster-view';

/** The preference shifts to choose for an allocation run, and the run button. Presentational. */
@Component({
  selector: 'pp-roster-shift-picker',
  template: `
    <form aria-label="Run an allocation" (submit)="$event.preventDefault(); run.emit()">
      <div class="table-scroll">
        <table class="table" aria-label="Preference shifts">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Choose</span></th>
              <th scope="col">Shift</th>
              <th scope="col">Peak</th>
              <th scope="col" class="number">Places</th>
              <th scope="col" class="number">Marks</th>
              <th scope="col">Window</th>
            </tr>
          </thead>
          <tbody>
            @for (shift of shifts(); track shift.id) {
              <tr data-testid="preference-shift">
                <td>
                  <input
                    type="checkbox"
                    [id]="'pick-' + shift.id"
                    [checked]="picked().has(shift.id)"
                    (change)="pick.emit({ shiftId: shift.id, on: checked($event) })"
                  />
                </td>
                <th scope="row">
                  <label [for]="'pick-' + shift.id">{{ label(shift) }}</label>
                </th>
                <td>{{ shift.peak ?? '–' }}</td>
                <td class="number">{{ shift.places }}</td>
                <td class="number">{{ shift.requested }}</td>
                <td>{{ shift.status }} · closes {{ instant(shift.signUpClosesAt) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <div class="form-actions">
        <button type="button" class="button secondary" (click)="pickAll.emit()">Choose all</button>
        <button type="submit" class="button primary" [disabled]="picked().size === 0 || disabled()">
          Run allocation ({{ picked().size }} shift{{ picked().size === 1 ? '' : 's' }})
        </button>
      </div>
    </form>
  `,
  styles: `
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterShiftPickerComponent {
  readonly shifts = input.required<PoolShiftDto[]>();
  readonly picked = input.required<ReadonlySet<string>>();
  /** A run or publish is under way, or the viewer may not run one. */
  readonly disabled = input.required<boolean>();
  readonly pick = output<{ shiftId: string; on: boolean }>();
  readonly pickAll = output<void>();
  readonly run = output<void>();

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected label(shift: PoolShiftDto): string {
    return shiftLabel(shift);
  }

  protected instant(iso: string): string {
    return formatInstant(iso);
  }
}
