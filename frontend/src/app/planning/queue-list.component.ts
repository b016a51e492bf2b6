import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { QueueDto } from '@peakplan/contracts';

import { serviceTargetText } from './queue-text';

/** The organisation's queues with their service targets; each name jumps to its history chart. */
@Component({
  selector: 'pp-queue-list',
  imports: [RouterLink],
  template: `
    <div class="table-scroll">
      <table class="table" aria-describedby="queues-heading">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Kind</th>
            <th scope="col">Service target</th>
            <th scope="col" class="number">Avg. handle time</th>
            <th scope="col" class="number">Sessions at once</th>
          </tr>
        </thead>
        <tbody>
          @for (queue of queues(); track queue.id) {
            <tr data-testid="queue-row">
              <th scope="row">
                <a [routerLink]="[]" [fragment]="'history-' + queue.id">{{ queue.name }}</a>
              </th>
              <td>
                <span class="badge" [class.live]="queue.kind === 'live'">{{
                  queue.kind === 'live' ? 'Live' : 'Deferred'
                }}</span>
              </td>
              <td>{{ targetText(queue) }}</td>
              <td class="number">{{ queue.ahtSeconds }} s</td>
              <td class="number">{{ queue.concurrency }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    td {
      white-space: nowrap;
    }
    .badge {
      display: inline-block;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      font-size: 0.75rem;
      font-weight: 600;
      background: #f1f5f9;
      color: #475569;
    }
    .badge.live {
      background: #dcfce7;
      color: #166534;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueListComponent {
  readonly queues = input.required<QueueDto[]>();
  protected readonly targetText = serviceTargetText;
}
