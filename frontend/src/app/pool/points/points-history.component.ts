import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MyPointsDto, RedemptionDto } from '@peakplan/contracts';

import type { LoadState } from '../../core/api/load-state';
import { formatInstant } from '../../core/format/organisation-format';
import { pointLineKindLabel, signedPoints } from './points-text';

/** The member's redemptions and point lines, newest first: what the points page reads back. */
@Component({
  selector: 'pp-points-history',
  template: `
    <section class="card" aria-labelledby="redemptions-heading">
      <h2 id="redemptions-heading">My redemptions</h2>
      @switch (redemptions().status) {
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ redemptionsError() }}</p>
          </div>
        }
        @case ('ready') {
          @if (redemptionList().length === 0) {
            <p class="empty">You have not redeemed a reward yet.</p>
          } @else {
            <ul class="lines" aria-label="My redemptions, newest first">
              @for (redemption of redemptionList(); track redemption.id) {
                <li data-testid="redemption">
                  <span class="when">{{ instant(redemption.createdAt) }}</span>
                  <span class="what">
                    {{ redemption.reward }}
                    @if (redemption.status === 'cancelled') {
                      <span class="tag warn">cancelled, points returned</span>
                    }
                  </span>
                  <span class="points">{{ signed(-redemption.points) }}</span>
                </li>
              }
            </ul>
          }
        }
      }
    </section>

    <section class="card" aria-labelledby="lines-heading">
      <h2 id="lines-heading">Points history</h2>
      @if (points(); as mine) {
        @if (mine.lines.length === 0) {
          <p class="empty">No points yet. Points come with the first peak shift you work.</p>
        } @else {
          <ul class="lines" aria-label="Point lines, newest first">
            @for (line of mine.lines; track $index) {
              <li data-testid="point-line">
                <span class="when">{{ instant(line.at) }}</span>
                <span class="what">
                  {{ line.reason }}
                  <span class="muted">· {{ kindLabel(line) }}{{ line.peak ? ' · ' + line.peak : '' }}</span>
                </span>
                <span class="points" [attr.aria-label]="signed(line.points) + ' points'">{{
                  signed(line.points)
                }}</span>
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .lines {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .lines li {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.1rem 0.75rem;
      padding: 0.55rem 0;
      border-bottom: 1px solid var(--border);
    }
    .lines li:last-child {
      border-bottom: none;
    }
    .when {
      grid-column: 1 / -1;
      font-size: 0.8rem;
      color: var(--text-muted);
    }
    .what {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .points {
      font-weight: 700;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PointsHistoryComponent {
  readonly points = input.required<MyPointsDto | null>();
  readonly redemptions = input.required<LoadState<RedemptionDto[]>>();

  protected readonly redemptionList = computed(() => {
    const state = this.redemptions();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly redemptionsError = computed(() => {
    const state = this.redemptions();
    return state.status === 'error' ? state.message : '';
  });

  protected signed(points: number): string {
    return signedPoints(points);
  }

  protected instant(iso: string): string {
    return formatInstant(iso);
  }

  protected kindLabel(line: MyPointsDto['lines'][number]): string {
    return pointLineKindLabel(line.kind);
  }
}
