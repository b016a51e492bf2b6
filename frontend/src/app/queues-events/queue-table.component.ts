import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { QueueDto } from '@peakplan/contracts';

import { formatNumber } from '../core/format/organisation-format';
import { serviceTargetText } from '../planning/queue-text';

/** The queues as a table, each live one with Edit and a two-step Retire; the page does the work. */
@Component({
  selector: 'pp-queue-table',
  template: `
    <div class="table-scroll">
      <table class="table" aria-label="Queues">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Service target</th>
            <th scope="col" class="number">AHT (s)</th>
            <th scope="col" class="number">Patience (s)</th>
            <th scope="col" class="number">Concurrency</th>
            <th scope="col" class="number">Interval (min)</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (queue of queues(); track queue.id) {
            <tr data-testid="queue-upkeep-row" [class.retired]="queue.retiredAt">
              <th scope="row">
                {{ queue.name }}
                @if (queue.retiredAt) {
                  <span class="tag">retired</span>
                }
              </th>
              <td>{{ queue.kind }}</td>
              <td>{{ serviceTarget(queue) }}</td>
              <td class="number">{{ number(queue.ahtSeconds) }}</td>
              <td class="number">
                {{ queue.patienceSeconds === null ? '–' : number(queue.patienceSeconds) }}
              </td>
              <td class="number">{{ queue.concurrency }}</td>
              <td class="number">{{ queue.intervalMinutes }}</td>
              <td class="actions">
                @if (!queue.retiredAt) {
                  <button
                    type="button"
                    class="button secondary"
                    (click)="edit.emit(queue)"
                    [attr.aria-label]="'Edit queue ' + queue.name"
                  >
                    Edit
                  </button>
                  @if (confirmRetire() === queue.id) {
                    <button type="button" class="button danger" (click)="retire.emit(queue)">
                      Confirm retire
                    </button>
                  } @else {
                    <button
                      type="button"
                      class="button secondary"
                      (click)="askRetire.emit(queue)"
                      [attr.aria-label]="'Retire queue ' + queue.name"
                    >
                      Retire
                    </button>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      white-space: nowrap;
      display: flex;
      gap: 0.4rem;
      justify-content: flex-end;
    }
    tr.retired {
      color: var(--text-muted);
    }
    .button.danger {
      background: var(--danger);
      color: #fff;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueTableComponent {
  readonly queues = input.required<QueueDto[]>();
  /** The id of the row whose Retire was pressed once (it then asks for a confirmation). */
  readonly confirmRetire = input<string | null>(null);
  readonly edit = output<QueueDto>();
  readonly askRetire = output<QueueDto>();
  readonly retire = output<QueueDto>();

  protected serviceTarget(queue: QueueDto): string {
    return serviceTargetText(queue);
  }

  protected number(value: number): string {
    return formatNumber(value);
  }
}
