import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AccountDto, CreateAccountRequest, Role } from '@peakplan/contracts';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { AuthService } from '../../core/auth/auth.service';
import { AdminApi } from '../admin-api.service';
import { accountStateText, rolesText } from '../admin-text';
import { AccountFormComponent } from './account-form.component';
import { AccountRolesEditorComponent } from './account-roles-editor.component';

/** Rows shown at first and added per "Show more": a demo or a big organisation has hundreds. */
const ROWS_PER_STEP = 50;

function failureText(error: unknown, action: string): string {
  const status = error instanceof HttpErrorResponse ? error.status : -1;
  if (status === -1) console.error(error);
  return describeApiFailure(
    { status: Math.max(status, 0), error: (error as HttpErrorResponse)?.error },
    action,
  );
}

/**
 * The admin's accounts: every account with whether it can sign in, a form to create one, and per
 * account its roles, deactivate (or activate again) and a password reset whose one-time password is
 * shown once.
 */
@Component({
  selector: 'pp-accounts-page',
  imports: [RouterLink, AccountFormComponent, AccountRolesEditorComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Admin</p>
      <h1>Accounts</h1>
      <p class="lead">
        Who may sign in, with which roles. Many accounts at once:
        <a routerLink="/admin/import">import a CSV file</a>.
      </p>
    </header>

    <div role="status" aria-live="polite" data-testid="accounts-answer">
      @if (answer(); as text) {
        <p class="notice-text">{{ text }}</p>
      }
      @if (oneTimePassword(); as reset) {
        <div class="card one-time">
          <p>
            One-time password for <strong>{{ reset.email }}</strong> (shown only now; hand it over in person):
          </p>
          <code data-testid="one-time-password">{{ reset.password }}</code>
        </div>
      }
    </div>
    @if (problem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    <section class="card" aria-labelledby="create-heading">
      <h2 id="create-heading">New account</h2>
      <pp-account-form [busy]="busy()" (create)="create($event)" />
    </section>

    <section class="card" aria-labelledby="list-heading">
      <h2 id="list-heading" tabindex="-1">Every account</h2>
      <label class="field search">
        Find by name, email or department
        <input type="search" [value]="search()" (input)="find(text($event))" />
      </label>
      @switch (accounts().status) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the accounts…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorText() }}</p>
            <button type="button" class="button secondary" (click)="load()">Try again</button>
          </div>
        }
        @case ('ready') {
          @if (matching().length === 0) {
            <p class="empty">
              {{ search() ? 'No account matches “' + search() + '”.' : 'No accounts yet.' }}
            </p>
          } @else {
            <div class="table-scroll">
              <table class="table" aria-label="Accounts">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Department</th>
                    <th scope="col">State</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  @for (account of shown(); track account.id) {
                    <tr [attr.data-email]="account.email" [class.inactive]="!account.active">
                      <th scope="row" [id]="'account-' + account.id">{{ account.name }}</th>
                      <td>{{ account.email }}</td>
                      <td>{{ roles(account) }}</td>
                      <td>{{ account.department ?? '–' }}</td>
                      <td>{{ state(account) }}</td>
                      <td>
                        <div class="actions">
                          <button
                            type="button"
                            class="button secondary"
                            [disabled]="busy()"
                            [attr.aria-describedby]="'account-' + account.id"
                            [attr.aria-expanded]="editing() === account.id"
                            (click)="editing.set(editing() === account.id ? null : account.id)"
                          >
                            Roles…
                          </button>
                          @if (account.id !== myId()) {
                            <button
                              type="button"
                              class="button secondary"
                              [disabled]="busy()"
                              [attr.aria-describedby]="'account-' + account.id"
                              (click)="setActive(account, !account.active)"
                            >
                              {{ account.active ? 'Deactivate' : 'Activate' }}
                            </button>
                          }
                          <button
                            type="button"
                            class="button secondary"
                            [disabled]="busy() || !account.active"
                            [attr.aria-describedby]="'account-' + account.id"
                            (click)="resetPassword(account)"
                          >
                            Reset password
                          </button>
                        </div>
                      </td>
                    </tr>
                    @if (editing() === account.id) {
                      <tr class="editing">
                        <td colspan="6">
                          <pp-account-roles-editor
                            [account]="account"
                            [isMe]="account.id === myId()"
                            [busy]="busy()"
                            (saved)="setRoles(account, $event)"
                            (cancelled)="editing.set(null)"
                          />
                        </td>
                      </tr>
                    }
                  }
                </tbody>
              </table>
            </div>
            <p class="muted small">{{ countText() }}</p>
            @if (shown().length < matching().length) {
              <button type="button" class="button secondary" (click)="showMore()">Show more accounts</button>
            }
          }
        }
      }
    </section>
  `,
  styles: `
    .small {
      font-size: 0.8125rem;
    }
    .search {
      max-width: 24rem;
      margin-bottom: 0.75rem;
    }
    .actions {
      display: flex;
      flex-wrap: nowrap;
      gap: 0.4rem;
      justify-content: flex-end;
    }
    tr.editing td {
      background: #f8fafc;
    }
    tr.inactive th,
    tr.inactive td {
      color: var(--text-muted);
    }
    .one-time code {
      font-size: 1.1rem;
      padding: 0.25rem 0.5rem;
      background: #f1f5f9;
      border-radius: 4px;
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
export class AccountsPage {
  private readonly api = inject(AdminApi);
  private readonly user = inject(AuthService).user;
  protected readonly myId = computed(() => this.user()?.id ?? null);

  protected readonly accounts = signal<LoadState<AccountDto[]>>(LOADING);
  protected readonly search = signal('');
  protected readonly rowLimit = signal(ROWS_PER_STEP);
  protected readonly shown = computed(() => this.matching().slice(0, this.rowLimit()));
  protected readonly matching = computed(() => {
    const state = this.accounts();
    if (state.status !== 'ready') return [];
    const wanted = this.search().trim().toLowerCase();
    return wanted
      ? state.value.filter((account) =>
          [account.name, account.email, account.department ?? ''].some((text) =>
            text.toLowerCase().includes(wanted),
          ),
        )
      : state.value;
  });
  protected readonly countText = computed(() => {
    const state = this.accounts();
    if (state.status !== 'ready') return '';
    const active = state.value.filter((account) => account.active).length;
    return `${this.shown().length} of ${this.matching().length} matching accounts shown (${state.value.length} in all, ${active} active).`;
  });
  protected readonly errorText = computed(() => {
    const state = this.accounts();
    return state.status === 'error' ? state.message : '';
  });

  private readonly form = viewChild.required(AccountFormComponent);
  protected readonly busy = signal(false);
  protected readonly answer = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly oneTimePassword = signal<{ email: string; password: string } | null>(null);
  /** The account whose roles are open for editing, if any. */
  protected readonly editing = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    toLoadState(this.api.accounts(), 'loading the accounts').subscribe((state) => {
      // A reload after a change keeps the table on screen instead of a spinner.
      if (state.status === 'loading' && this.accounts().status === 'ready') return;
      this.accounts.set(state);
    });
  }

  protected find(text: string): void {
    this.search.set(text);
    this.rowLimit.set(ROWS_PER_STEP);
  }

  protected showMore(): void {
    this.rowLimit.update((limit) => limit + ROWS_PER_STEP);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected roles(account: AccountDto): string {
    return rolesText(account.roles);
  }

  protected state(account: AccountDto): string {
    return accountStateText(account);
  }

  protected create(request: CreateAccountRequest): void {
    this.start();
    this.api.createAccount(request).subscribe({
      next: (account) => {
        this.busy.set(false);
        this.form().clear();
        this.answer.set(
          `${account.name} (${account.email}) has an account now. Reset the password to hand one over.`,
        );
        this.load();
      },
      error: (error: unknown) => this.fail(error, 'creating the account'),
    });
  }

  protected setActive(account: AccountDto, active: boolean): void {
    this.start();
    this.api.setActive(account.id, active).subscribe({
      next: () => {
        this.busy.set(false);
        this.answer.set(
          active
            ? `${account.name} can sign in again.`
            : `${account.name} is deactivated: signed out everywhere and cannot sign in.`,
        );
        this.load();
      },
      error: (error: unknown) =>
        this.fail(error, active ? 'activating the account' : 'deactivating the account'),
    });
  }

  protected setRoles(account: AccountDto, roles: Role[]): void {
    this.start();
    this.api.setRoles(account.id, roles).subscribe({
      next: (changed) => {
        this.busy.set(false);
        this.editing.set(null);
        this.answer.set(`${changed.name} now has the roles: ${rolesText(changed.roles)}.`);
        this.load();
      },
      error: (error: unknown) => this.fail(error, 'changing the roles'),
    });
  }

  protected resetPassword(account: AccountDto): void {
    this.start();
    this.api.resetPassword(account.id).subscribe({
      next: (reset) => {
        this.busy.set(false);
        this.oneTimePassword.set({ email: account.email, password: reset.temporaryPassword });
        this.load();
      },
      error: (error: unknown) => this.fail(error, 'resetting the password'),
    });
  }

  private start(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.answer.set('');
    this.oneTimePassword.set(null);
  }

  private fail(error: unknown, action: string): void {
    this.busy.set(false);
    this.problem.set(failureText(error, action));
  }
}
