import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import type { AccountDto, Role } from '@peakplan/contracts';

import { rolesProblem, toggledRoles } from './account-draft';
import { RoleChecksComponent } from './role-checks.component';

/** One account's roles as ticks, checked before they are emitted; the page saves them. */
@Component({
  selector: 'pp-account-roles-editor',
  imports: [RoleChecksComponent],
  template: `
    <form
      class="roles-editor"
      (submit)="submit($event)"
      novalidate
      [attr.aria-label]="'Roles of ' + account().name"
    >
      <pp-role-checks [legend]="'Roles of ' + account().name" [roles]="roles()" (toggled)="toggle($event)" />
      <p class="problem-text" role="alert">{{ problem() }}</p>
      <div class="form-actions">
        <button type="submit" class="button primary" [disabled]="busy()">Save roles</button>
        <button type="button" class="button secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
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
