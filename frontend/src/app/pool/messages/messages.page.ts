import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { NotificationSettingsDto, PoolMessageDto, PoolMessageStatus } from '@peakplan/contracts';

import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { formatInstant } from '../../core/format/organisation-format';
import { changedCount, draftFrom, offKinds, SettingsDraft } from './notification-settings-draft';
import { PoolMessagesApi } from './pool-messages-api.service';

const STATUS_TEXT: Record<PoolMessageStatus, string> = {
  pending: 'not sent yet',
  sent: 'sent',
  skipped: 'not sent: switched off',
  failed: 'could not be sent',
};

/** The pool member's messages (newest first) and which kinds they want to receive. */
@Component({
  selector: 'pp-pool-messages-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>My messages</h1>
      <p class="lead">What PeakPlan told you about your shifts, and which messages you want.</p>
    </header>

    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Notification settings</h2>
      @switch (settingsState().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading your settings…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ messageOf(settingsState()) }}</p>
          </div>
        }
      }
      @if (settings(); as saved) {
        <form aria-labelledby="settings-heading" (submit)="$event.preventDefault(); save(saved)">
          <fieldset>
            <legend>Send me an email when…</legend>
            @for (entry of saved.kinds; track entry.kind) {
              <label class="check">
                <input
                  type="checkbox"
                  [checked]="draft()[entry.kind] ?? entry.on"
                  (change)="toggle(entry.kind, $any($event.target).checked)"
                />
                <span>{{ entry.label }}</span>
              </label>
            }
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="button primary" [disabled]="saving() || changes() === 0">
              {{ saving() ? 'Saving…' : 'Save settings' }}
            </button>
          </div>
          <p role="status" aria-live="polite" class="feedback">
            @if (saveNotice(); as notice) {
              <span class="notice-text" data-testid="settings-notice">{{ notice }}</span>
            }
          </p>
          @if (saveProblem(); as problem) {
            <div class="alert" role="alert">
              <p>{{ problem }}</p>
            </div>
          }
        </form>
      }
    </section>

    <section class="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      @switch (messages().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading your messages…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ messageOf(messages()) }}</p>
          </div>
        }
        @case ('ready') {
          @if (messageList().length === 0) {
            <p class="empty">No messages yet.</p>
          } @else {
            <ul class="messages" aria-label="My messages, newest first">
              @for (message of messageList(); track message.id) {
                <li data-testid="pool-message">
                  <article [attr.aria-labelledby]="'message-' + message.id">
                    <h3 [id]="'message-' + message.id">{{ message.subject }}</h3>
                    <p class="muted meta">{{ instant(message.createdAt) }} · {{ statusText(message) }}</p>
                    <p class="text">{{ message.text }}</p>
                  </article>
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styles: `
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.4rem;
    }
    .check {
      display: flex;
      align-items: flex-start;
      gap: 0.6rem;
      padding: 0.5rem 0;
      min-height: 2.75rem;
      cursor: pointer;
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.1rem 0 0;
      flex: none;
    }
    .button {
      min-height: 2.75rem;
    }
    .feedback {
      margin: 0;
    }
    .messages {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .messages li {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--border);
    }
    .messages li:last-child {
      border-bottom: none;
    }
    .messages h3 {
      margin: 0;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0.15rem 0 0.35rem;
      font-size: 0.8rem;
    }
    .text {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolMessagesPage {
  private readonly api = inject(PoolMessagesApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = toSignal(toLoadState(this.api.myMessages(), 'loading your messages'), {
    initialValue: LOADING,
  });
  protected readonly messageList = computed(() => {
    const state = this.messages();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly settingsState = signal<LoadState<NotificationSettingsDto>>(LOADING);
  protected readonly settings = computed(() => {
    const state = this.settingsState();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly draft = signal<SettingsDraft>({});
  protected readonly changes = computed(() => {
    const saved = this.settings();
    return saved ? changedCount(saved, this.draft()) : 0;
  });
  protected readonly saving = signal(false);
  protected readonly saveNotice = signal<string | null>(null);
  protected readonly saveProblem = signal<string | null>(null);

  constructor() {
    toLoadState(this.api.settings(), 'loading your notification settings')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((state) => {
        this.settingsState.set(state);
        if (state.status === 'ready') this.draft.set(draftFrom(state.value));
      });
  }

  protected toggle(kind: string, on: boolean): void {
    this.draft.update((draft) => ({ ...draft, [kind]: on }));
    this.saveNotice.set(null);
  }

  protected save(saved: NotificationSettingsDto): void {
    this.saving.set(true);
    this.saveNotice.set(null);
    this.saveProblem.set(null);
    toLoadState(
      this.api.saveSettings({ off: offKinds(saved, this.draft()) }),
      'saving your notification settings',
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((state) => {
        if (state.status === 'loading') return;
        this.saving.set(false);
        if (state.status === 'ready') {
          this.settingsState.set(state);
          this.draft.set(draftFrom(state.value));
          const off = state.value.kinds.filter((entry) => !entry.on).length;
          this.saveNotice.set(
            off === 0
              ? 'Saved: you get every kind of message.'
              : `Saved: ${off} kind${off === 1 ? '' : 's'} of message switched off.`,
          );
        } else if (state.status === 'error') {
          this.saveProblem.set(state.message);
        }
      });
  }

  protected statusText(message: PoolMessageDto): string {
    return STATUS_TEXT[message.status];
  }

  protected instant(iso: string): string {
    return formatInstant(iso);
  }

  protected messageOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }
}
