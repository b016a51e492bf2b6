import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { ScenarioResult } from '@peakplan/contracts';

import { HEATMAP_METRICS, type HeatmapMetric, toHeatmapData } from '../charts/staffing-heatmap/heatmap-data';
import { StaffingHeatmapComponent } from '../charts/staffing-heatmap/staffing-heatmap.component';

/** Required, scheduled, core or pool gap per interval as days × times of day, for all queues or one. */
@Component({
  selector: 'pp-scenario-heatmap-card',
  imports: [StaffingHeatmapComponent],
  template: `
    <div class="controls">
      <fieldset class="metric">
        <legend>Show</legend>
        @for (option of metrics; track option.metric) {
          <label class="choice">
            <input
              type="radio"
              name="heatmap-metric"
              [value]="option.metric"
              [checked]="metric() === option.metric"
              (change)="metric.set(option.metric)"
            />
            {{ option.label }}
          </label>
        }
      </fieldset>
      <label class="field">
        Queue
        <select name="heatmap-queue" (change)="chooseQueue($event)">
          <option value="" [selected]="queue() === null">All queues</option>
          @for (name of queues(); track name) {
            <option [value]="name" [selected]="queue() === name">{{ name }}</option>
          }
        </select>
      </label>
    </div>
    @if (data(); as heatmap) {
      @if (heatmap.cells.length === 0) {
        <p class="empty">No intervals to show.</p>
      } @else {
        <pp-staffing-heatmap [data]="heatmap" />
      }
    }
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1.5rem;
      margin-bottom: 0.75rem;
    }
    .metric {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font-size: 0.875rem;
      font-weight: 700;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .choice {
      display: flex;
      gap: 0.3rem;
      align-items: center;
      font-size: 0.9rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScenarioHeatmapCardComponent {
  readonly result = input.required<ScenarioResult>();

  protected readonly metrics = HEATMAP_METRICS;
  protected readonly metric = signal<HeatmapMetric>('poolGap');
  protected readonly queue = signal<string | null>(null);
  protected readonly queues = computed(() => this.result().queues.map((row) => row.queue));
  protected readonly data = computed(() => {
    const queue = this.queue();
    const known = queue === null || this.queues().includes(queue);
    return toHeatmapData(this.result().intervals ?? [], this.metric(), known ? queue : null);
  });

  protected chooseQueue(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.queue.set(value === '' ? null : value);
  }
}
