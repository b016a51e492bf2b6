import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import type { MeResponse } from '@peakplan/contracts';

import { AreaLink, roleLabel } from '../auth/role-access';

/** Top bar: the areas the person's roles open, who is signed in, and sign-out. */
@Component({
  selector: 'pp-top-nav',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <header class="bar">
      <a class="brand" routerLink="/" aria-label="PeakPlan home">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="currentColor" />
          <path d="M4 24 L11 15 L16 19 L22 7 L28 24 Z" fill="#fff" />
        </svg>
        <span>PeakPlan</span>
      </a>
      <nav aria-label="Main">
        <ul>
          @for (link of links(); track link.area) {
            <li>
              <a [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                link.label
              }}</a>
            </li>
          }
        </ul>
      </nav>
      <div class="user">
        <div class="who" data-testid="signed-in-user">
          <span class="name">{{ user().name }}</span>
          <span class="roles">{{ rolesText() }}</span>
        </div>
        <button type="button" class="button ghost" (click)="signOut.emit()" [disabled]="signingOut()">
          {{ signingOut() ? 'Signing out…' : 'Sign out' }}
        </button>
      </div>
    </header>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      gap: 2rem;
      padding: 0 1.5rem;
      height: 3.5rem;
      background: #0f172a;
      color: #e2e8f0;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: #fff;
      font-weight: 700;
      font-size: 1.0625rem;
      text-decoration: none;
    }
    .brand svg {
      color: #3b82f6;
    }
    nav ul {
      display: flex;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: block;
      padding: 0.45rem 0.85rem;
      border-radius: 6px;
      color: #cbd5e1;
      text-decoration: none;
      font-weight: 500;
      font-size: 0.9375rem;
    }
    nav a:hover {
      background: rgba(255, 255, 255, 0.08);
      color: #fff;
    }
    nav a.active {
      background: rgba(59, 130, 246, 0.22);
      color: #fff;
    }
    .user {
      margin-left: auto;
      display: flex;
      align-items: center;
      gap: 1rem;
    }
    .who {
      display: grid;
      text-align: right;
      line-height: 1.2;
    }
    .name {
      font-weight: 600;
      font-size: 0.875rem;
      color: #fff;
    }
    .roles {
      font-size: 0.75rem;
      color: #94a3b8;
    }
    .button.ghost {
      color: #e2e8f0;
      border-color: rgba(226, 232, 240, 0.35);
    }
    .button.ghost:hover:not(:disabled) {
      background: rgba(255, 255, 255, 0.08);
    }
    @media (max-width: 640px) {
      .bar {
        gap: 1rem;
        padding: 0 0.75rem;
      }
      .brand span,
      .who {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopNavComponent {
  readonly user = input.required<MeResponse>();
  readonly links = input.required<AreaLink[]>();
  readonly signingOut = input(false);
  readonly signOut = output<void>();

  protected rolesText(): string {
    const roles = this.user().roles.map(roleLabel).join(', ');
    const department = this.user().department;
    return department ? `${roles} · ${department}` : roles;
  }
}
