import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { MyPointsDto, RedemptionDto, RewardDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { formatNumber } from '../../core/format/organisation-format';
import { PoolPointsApi } from './pool-points-api.service';
import { PointsHistoryComponent } from './points-history.component';
import { redeemBlocker, redeemRefusalText } from './points-text';

/** What the last redemption attempt said: shown once, beside the catalogue. */
type RedeemAnswer = { kind: 'done'; text: string } | { kind: 'refused'; text: string };

/** The pool member's recognition points, the rewards catalogue with redeem, and their redemptions. */
@Component({
  selector: 'pp-pool-points-page',
  imports: [PointsHistoryComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>My points and rewards</h1>
      <p class="lead">
        Points for the shifts you work, with extra weight for the hardest peak slots and for quality.
      </p>
    </header>

    <section class="card" aria-labelledby="points-heading">
      <h2 id="points-heading">My points</h2>
      @switch (points().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading your points…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ messageOf(points()) }}</p>
          </div>
        }
      }
      @if (myPoints(); as mine) {
        <dl class="figures" data-testid="points-figures">
          <div class="figure">
            <dt>Balance to spend</dt>
            <dd data-testid="points-balance">{{ number(mine.balance) }}</dd>
          </div>
          <div class="figure">
            <dt>{{ mine.peakName ? 'This peak (' + mine.peakName + ')' : 'This peak' }}</dt>
            <dd>{{ number(mine.peak) }}</dd>
          </div>
          <div class="figure">
            <dt>This year</dt>
            <dd>{{ number(mine.year) }}</dd>
          </div>
          <div class="figure">
            <dt>Total earned</dt>
            <dd>{{ number(mine.total) }}</dd>
          </div>
        </dl>
        <p class="band" data-testid="points-band">{{ mine.bandText }}</p>
      }
    </section>

    <section class="card" aria-labelledby="rewards-heading">
      <h2 id="rewards-heading" tabindex="-1">Rewards</h2>
      <p class="live" role="status" aria-live="polite">
        @if (answer(); as said) {
          @if (said.kind === 'done') {
            <span class="notice-text" data-testid="redeem-notice">{{ said.text }}</span>
          }
        }
      </p>
      @if (answer(); as said) {
        @if (said.kind === 'refused') {
          <div class="alert" role="alert" id="redeem-refusal" tabindex="-1" data-testid="redeem-refusal">
            <p>{{ said.text }}</p>
          </div>
        }
      }
      @switch (rewards().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the rewards…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ messageOf(rewards()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (rewardList().length === 0) {
            <p class="empty">No rewards are offered right now.</p>
          } @else {
            <ul class="rewards" aria-label="Rewards catalogue">
              @for (reward of rewardList(); track reward.id) {
                <li class="reward" data-testid="reward">
                  <div class="reward-text">
                    <h3 [id]="'reward-' + reward.id">{{ reward.name }}</h3>
                    @if (reward.description) {
                      <p class="muted">{{ reward.description }}</p>
                    }
                    <p>
                      <strong>{{ number(reward.price) }} points</strong>
                      <span class="muted">
                        · {{ reward.stock > 0 ? number(reward.stock) + ' left' : 'none left' }}</span
                      >
                    </p>
                    @if (blocker(reward); as why) {
                      <p class="muted" [id]="'reward-why-' + reward.id">{{ why }}</p>
                    }
                  </div>
                  @if (confirming() === reward.id) {
                    <div class="confirm" role="group" [attr.aria-labelledby]="'reward-confirm-' + reward.id">
                      <p [id]="'reward-confirm-' + reward.id">
                        Redeem {{ reward.name }} for {{ number(reward.price) }} points? Your balance will be
                        {{ number(balance() - reward.price) }}.
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          class="button primary"
                          [id]="'reward-confirm-button-' + reward.id"
                          [disabled]="redeeming()"
                          (click)="redeem(reward)"
                        >
                          {{ redeeming() ? 'Redeeming…' : 'Confirm' }}
                        </button>
                        <button
                          type="button"
                          class="button secondary"
                          [disabled]="redeeming()"
                          (click)="cancelConfirm(reward)"
                        >
                          Cancel
                        </button>
                      </div>
                    </div>
                  } @else {
                    <button
                      type="button"
                      class="button primary"
                      [id]="'reward-redeem-' + reward.id"
                      [disabled]="blocker(reward) !== null || redeeming()"
                      [attr.aria-describedby]="blocker(reward) ? 'reward-why-' + reward.id : null"
                      [attr.aria-label]="'Redeem ' + reward.name + ' for ' + number(reward.price) + ' points'"
                      (click)="askConfirm(reward)"
                    >
                      Redeem
                    </button>
                  }
                </li>
              }
            </ul>
          }
        }
      }
    </section>

    <pp-points-history [points]="myPoints()" [redemptions]="redemptions()" />
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
      gap: 0.6rem;
      margin: 0.5rem 0 0.75rem;
    }
    .figure {
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.5rem 0.7rem;
    }
    .figure dd {
      font-size: 1.5rem;
      font-weight: 700;
    }
    .band {
      margin: 0;
      font-weight: 600;
    }
    .live {
      margin: 0;
      min-height: 0;
    }
    .rewards {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .reward {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--border);
    }
    .reward:last-child {
      border-bottom: none;
    }
    .reward-text {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .reward h3 {
      margin: 0 0 0.2rem;
      font-size: 1rem;
    }
    .reward p {
      margin: 0.15rem 0;
    }
    .reward .button {
      min-height: 2.75rem;
      min-width: 6rem;
    }
    .confirm {
      flex: 1 1 100%;
      border: 1px solid var(--accent);
      border-radius: var(--radius);
      background: var(--accent-soft);
      padding: 0.6rem 0.75rem;
    }
    .confirm p {
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolPointsPage {
  private readonly api = inject(PoolPointsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly points = signal<LoadState<MyPointsDto>>(LOADING);
  protected readonly rewards = signal<LoadState<RewardDto[]>>(LOADING);
  protected readonly redemptions = signal<LoadState<RedemptionDto[]>>(LOADING);

  protected readonly myPoints = computed(() => {
    const state = this.points();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly balance = computed(() => this.myPoints()?.balance ?? 0);
  protected readonly rewardList = computed(() => {
    const state = this.rewards();
    return state.status === 'ready' ? state.value.filter((reward) => reward.active) : [];
  });

  /** The reward whose redemption is being confirmed. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly redeeming = signal(false);
  protected readonly answer = signal<RedeemAnswer | null>(null);

  constructor() {
    this.load(this.api.myPoints(), 'loading your points', this.points);
    this.load(this.api.rewards(), 'loading the rewards', this.rewards);
    this.load(this.api.myRedemptions(), 'loading your redemptions', this.redemptions);
  }

  /** Loads into a state; a reload keeps the value shown until the new one is there. */
  private load<T>(
    request: Observable<T>,
    action: string,
    state: { (): LoadState<T>; set(value: LoadState<T>): void },
  ): void {
    toLoadState(request, action)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((next) => {
        if (next.status === 'loading' && state().status === 'ready') return;
        state.set(next);
      });
  }

  protected askConfirm(reward: RewardDto): void {
    this.answer.set(null);
    this.confirming.set(reward.id);
    this.focusAfterRender(`reward-confirm-button-${reward.id}`);
  }

  protected cancelConfirm(reward: RewardDto): void {
    this.confirming.set(null);
    this.focusAfterRender(`reward-redeem-${reward.id}`);
  }

  protected redeem(reward: RewardDto): void {
    this.redeeming.set(true);
    this.api
      .redeem(reward.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (redemption) => {
          this.redeeming.set(false);
          this.confirming.set(null);
          const mine = this.myPoints();
          if (mine && redemption.balance !== undefined)
            this.points.set({ status: 'ready', value: { ...mine, balance: redemption.balance } });
          this.answer.set({
            kind: 'done',
            text: `You redeemed ${redemption.reward} for ${formatNumber(redemption.points)} points. Your balance is now ${formatNumber(redemption.balance ?? this.balance())}.`,
          });
          this.reloadAll();
          this.focusAfterRender(`reward-redeem-${reward.id}`, 'rewards-heading');
        },
        error: (error: unknown) => {
          this.redeeming.set(false);
          this.confirming.set(null);
          const status = error instanceof HttpErrorResponse ? error.status : -1;
          const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
          const code =
            typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
          const message =
            typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
          this.answer.set({
            kind: 'refused',
            text:
              status === 409
                ? redeemRefusalText(
                    typeof code === 'string' ? code : undefined,
                    typeof message === 'string' ? message : undefined,
                  )
                : describeApiFailure(
                    { status: Math.max(status, 0), error: body },
                    `redeeming ${reward.name}`,
                  ),
          });
          this.reloadAll();
          this.focusAfterRender('redeem-refusal');
        },
      });
  }

  private reloadAll(): void {
    this.load(this.api.myPoints(), 'loading your points', this.points);
    this.load(this.api.rewards(), 'loading the rewards', this.rewards);
    this.load(this.api.myRedemptions(), 'loading your redemptions', this.redemptions);
  }

  /** Keeps the keyboard focus on the page when the focused button goes away (or is disabled). */
  private focusAfterRender(elementId: string, fallbackId?: string): void {
    afterNextRender(
      () => {
        const target = document.getElementById(elementId);
        if (target && !(target instanceof HTMLButtonElement && target.disabled)) target.focus();
        else if (fallbackId) document.getElementById(fallbackId)?.focus();
      },
      { injector: this.injector },
    );
  }

  protected blocker(reward: RewardDto): string | null {
    return redeemBlocker(reward, this.balance());
  }

  protected number(value: number): string {
    return formatNumber(value);
  }

  protected messageOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
