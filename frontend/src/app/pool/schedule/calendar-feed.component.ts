import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { PoolApi } from '../pool-api.service';

/**
 * My calendar feed: the secret address to subscribe to in a calendar app (copy it), a new address when
 * the old one leaked (renew, after a confirmation, since the old one stops working), and a one-off download.
 */
@Component({
  selector: 'pp-calendar-feed',
  template: `
    <section class="card" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Add your shifts to your calendar</h2>
      <p class="muted">
        Subscribe to this address in your calendar app: your shifts appear there and follow every change. Keep
        it to yourself; anyone with the address can read your shifts.
      </p>
      @if (url(); as address) {
        <label class="field feed">
          Calendar feed address
          <input
            type="text"
            readonly
            [value]="address"
            data-testid="calendar-feed-url"
            (focus)="select($event)"
          />
        </label>
        <div class="actions">
          <button type="button" class="button primary" (click)="copy(address)">Copy address</button>
          @if (confirmingRenew()) {
            <span class="confirm" role="group" aria-labelledby="renew-question">
              <span id="renew-question">The old address stops working. Renew it?</span>
              <button
                type="button"
                class="button secondary"
                id="renew-yes"
                (click)="renew()"
                [disabled]="busy()"
              >
                Yes, renew
              </button>
              <button type="button" class="button secondary" (click)="cancelRenew()">Keep it</button>
            </span>
          } @else {
            <button type="button" class="button secondary" id="renew-ask" (click)="askRenew()">
              Renew address
            </button>
          }
          <a class="button secondary" href="/api/pool/me/calendar.ics" download>Download .ics</a>
        </div>
      } @else if (!problem()) {
        <p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>Loading your address…
        </p>
      }
      <div role="status" aria-live="polite" data-testid="calendar-feed-notice">
        @if (notice(); as text) {
          <p class="notice-text">{{ text }}</p>
        }
      </div>
      @if (problem(); as text) {
        <div class="alert" role="alert">
          <p>{{ text }}</p>
        </div>
      }
    </section>
  `,
  styles: `
    .feed {
      margin: 0.75rem 0 0.5rem;
    }
    .feed input {
      width: 100%;
      min-height: 44px;
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
    }
    .actions,
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .actions .button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedComponent {
  private readonly api = inject(PoolApi);
  protected readonly url = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly confirmingRenew = signal(false);
  protected readonly busy = signal(false);

  constructor() {
    this.api.calendarFeed().subscribe({
      next: (feed) => this.url.set(feed.url),
      error: (error: unknown) => this.fail(error, 'loading your calendar address'),
    });
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected copy(address: string): void {
    this.problem.set(null);
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      this.notice.set('Copying is not possible here: select the address and copy it yourself.');
      return;
    }
    clipboard.writeText(address).then(
      () => this.notice.set('Address copied. Paste it into your calendar app as a new subscription.'),
      () => this.notice.set('Copying was not allowed: select the address and copy it yourself.'),
    );
  }

  protected askRenew(): void {
    this.confirmingRenew.set(true);
    setTimeout(() => document.getElementById('renew-yes')?.focus());
  }

  protected cancelRenew(): void {
    this.confirmingRenew.set(false);
    setTimeout(() => document.getElementById('renew-ask')?.focus());
  }

  protected renew(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.renewCalendarFeed().subscribe({
      next: (feed) => {
        this.busy.set(false);
        this.url.set(feed.url);
        this.notice.set('New address made; the old one no longer works. Subscribe again with this one.');
        this.cancelRenew();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.fail(error, 'renewing your calendar address');
      },
    });
  }

  private fail(error: unknown, action: string): void {
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    const body = error instanceof HttpErrorResponse ? error.error : undefined;
    this.problem.set(describeApiFailure({ status, error: body }, action));
  }
}
