import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Role } from '@peakplan/contracts';

import { ROLE_CHOICES } from './account-draft';

/** A fieldset of one checkbox per role; the form that holds it keeps the roles. */
@Component({
  selector: 'pp-role-checks',
  template: `
    <fieldset class="roles">
      <legend>{{ legend() }}</legend>
      @for (choice of roleChoices; track choice.role) {
        <label class="check">
          <input
            type="checkbox"
            [checked]="roles().includes(choice.role)"
            (change)="toggled.emit(choice.role)"
          />
          {{ choice.label }}
        </label>
      }
    </fieldset>
  `,
  styles: `
    .roles {
      border: 0;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
    }
    .roles legend {
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
export class RoleChecksComponent {
  readonly legend = input('Roles');
  readonly roles = input.required<readonly Role[]>();
  readonly toggled = output<Role>();

  protected readonly roleChoices = ROLE_CHOICES;
}
