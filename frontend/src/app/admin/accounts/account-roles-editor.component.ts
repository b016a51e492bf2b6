import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import type { AccountDto, Role } from '@peakplan/contracts';

import { ROLE_CHOICES, rolesProblem, toggledRoles } from './account-draft';

/** One account's roles as ticks, checked before they are emitted; the page saves them. */
@Component({
  selector: 'pp-account-roles-editor',
  template: `
    <form
      class="roles-editor"
      (submit)="submit($event)"
      novalidate
      [attr.aria-label]="'Roles of ' + account().name"
    >
      <fieldset>
        <legend>Roles of {{ account().name }}</legend>
        @for (choice of roleChoices; track choice.role) {
          <label class="check">
            <input type="checkbox" [checked]="roles().includes(choice.role)" (change)="toggle(choice.role)" />
            {{ choice.label }}
          </label>
        }
      </fieldset>
      <p class="problem-text" role="alert">{{ problem() }}</p>
      <div class="form-actions">
        <button type="submit" class="button primary" [disabled]="busy()">Save roles</button>
        <button type="button" class="button secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
    }
    legend {
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--text-muted);
      margin-bottom: 0.35rem;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountRolesEditorComponent {
  readonly account = input.required<AccountDto>();
  /** Whether the account is the signed-in admin's own, who may not drop the admin role. */
  readonly isMe = input(false);
  readonly busy = input(false);
  readonly saved = output<Role[]>();
  readonly cancelled = output<void>();

  protected readonly roleChoices = ROLE_CHOICES;
  protected readonly roles = signal<Role[]>([]);
  protected readonly problem = signal('');

  constructor() {
    effect(() => this.roles.set([...this.account().roles]));
  }

  protected toggle(role: Role): void {
    this.roles.update((roles) => toggledRoles(roles, role));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const problem = rolesProblem(this.roles(), this.isMe());
    this.problem.set(problem);
    if (!problem) this.saved.emit(this.roles());
  }
}
