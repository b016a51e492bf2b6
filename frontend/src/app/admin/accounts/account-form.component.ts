import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { CreateAccountRequest, Role } from '@peakplan/contracts';

import {
  accountDraftProblem,
  type AccountDraft,
  EMPTY_ACCOUNT_DRAFT,
  toCreateAccountRequest,
  toggleRole,
} from './account-draft';
import { RoleChecksComponent } from './role-checks.component';

/** The new-account form: checks each field before it emits the request; the page sends it. */
@Component({
  selector: 'pp-account-form',
  imports: [RoleChecksComponent],
  template: `
    <form (submit)="submit($event)" novalidate>
      <div class="form-grid">
        <label class="field">
          Name
          <input
            name="name"
            autocomplete="off"
            [value]="draft().name"
            (input)="set('name', $event)"
            required
          />
        </label>
        <label class="field">
          Email
          <input
            name="email"
            type="email"
            autocomplete="off"
            [value]="draft().email"
            (input)="set('email', $event)"
            required
          />
        </label>
        <label class="field">
          Department (optional)
          <input name="department" [value]="draft().department" (input)="set('department', $event)" />
        </label>
      </div>
      <pp-role-checks class="roles" [roles]="draft().roles" (toggled)="toggle($event)" />
      <p class="muted small">
        A new account has no password: reset it below to get a one-time password to hand over.
      </p>
      <p class="problem-text" role="alert">{{ problem() }}</p>
      <div class="form-actions">
        <button type="submit" class="button primary" [disabled]="busy()">Create account</button>
      </div>
    </form>
  `,
  styles: `
    .roles {
      display: block;
      margin-top: 1rem;
    }
    .small {
      font-size: 0.8125rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountFormComponent {
  readonly busy = input(false);
  readonly create = output<CreateAccountRequest>();

  protected readonly draft = signal<AccountDraft>(EMPTY_ACCOUNT_DRAFT);
  protected readonly problem = signal('');

  /** After the page created the account: an empty form for the next one. */
  clear(): void {
    this.draft.set(EMPTY_ACCOUNT_DRAFT);
  }

  protected set(field: 'name' | 'email' | 'department', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected toggle(role: Role): void {
    this.draft.update((draft) => toggleRole(draft, role));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const problem = accountDraftProblem(this.draft());
    this.problem.set(problem);
    if (!problem) this.create.emit(toCreateAccountRequest(this.draft()));
  }
}
