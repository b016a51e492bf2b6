import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';

import { describeApiFailure } from '../core/api/api-failure-message';
import { AuthService } from '../core/auth/auth.service';
import { startPathFor } from '../core/auth/role-access';
import { safeReturnPath } from './return-path';

/** Sign-in with email and password; afterwards each person lands on their role's start page. */
@Component({
  selector: 'pp-sign-in-page',
  imports: [ReactiveFormsModule],
  template: `
    <main class="sign-in">
      <section class="intro" aria-hidden="true">
        <div class="brand">
          <svg viewBox="0 0 32 32" width="36" height="36">
            <rect width="32" height="32" rx="7" fill="#3b82f6" />
            <path d="M4 24 L11 15 L16 19 L22 7 L28 24 Z" fill="#fff" />
          </svg>
          <span>PeakPlan</span>
        </div>
        <p class="pitch">
          Forecast the contact peaks, staff every interval, and fill the gap with a flexible pool of
          colleagues.
        </p>
      </section>

      <section class="panel" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in</h1>
        <p class="muted">Use your PeakPlan account.</p>

        @if (notice(); as text) {
          <p class="notice" role="status">{{ text }}</p>
        }

        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <label for="email">Email</label>
          <input
            id="email"
            type="email"
            formControlName="email"
            autocomplete="username"
            [attr.aria-invalid]="showInvalid('email')"
            [attr.aria-describedby]="showInvalid('email') ? 'email-problem' : null"
          />
          @if (showInvalid('email')) {
            <p class="field-problem" id="email-problem">
              Enter your email address, e.g. name&#64;company.com.
            </p>
          }

          <label for="password">Password</label>
          <input
            id="password"
            type="password"
            formControlName="password"
            autocomplete="current-password"
            [attr.aria-invalid]="showInvalid('password')"
            [attr.aria-describedby]="showInvalid('password') ? 'password-problem' : null"
          />
          @if (showInvalid('password')) {
            <p class="field-problem" id="password-problem">Enter your password.</p>
          }

          @if (problem(); as message) {
            <p class="alert" role="alert" data-testid="sign-in-error">{{ message }}</p>
          }

          <button type="submit" class="button primary" [disabled]="pending()">
            {{ pending() ? 'Signing in…' : 'Sign in' }}
          </button>
        </form>
      </section>
    </main>
  `,
  styles: `
    .sign-in {
      min-height: 100vh;
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(320px, 440px);
    }
    .intro {
      background: linear-gradient(160deg, #0f172a 0%, #1e3a8a 100%);
      color: #e2e8f0;
      padding: 3rem;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 1.5rem;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      font-size: 1.75rem;
      font-weight: 700;
      color: #fff;
    }
    .pitch {
      max-width: 28rem;
      font-size: 1.125rem;
      line-height: 1.6;
      margin: 0;
      color: #cbd5e1;
    }
    .panel {
      padding: 3rem 2.5rem;
      display: flex;
      flex-direction: column;
      justify-content: center;
      background: var(--surface);
    }
    h1 {
      margin: 0 0 0.25rem;
    }
    form {
      display: grid;
      gap: 0.4rem;
      margin-top: 1.5rem;
    }
    label {
      font-weight: 600;
      font-size: 0.875rem;
      margin-top: 0.6rem;
    }
    input {
      font: inherit;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--border-strong);
      border-radius: 8px;
      background: var(--surface);
      color: var(--text);
    }
    input[aria-invalid='true'] {
      border-color: var(--danger);
    }
    .field-problem {
      margin: 0;
      color: var(--danger);
      font-size: 0.8125rem;
    }
    .notice {
      margin: 1rem 0 0;
      padding: 0.6rem 0.8rem;
      border-radius: 8px;
      background: var(--accent-soft);
      color: var(--accent-strong);
      font-size: 0.875rem;
    }
    .alert {
      margin-top: 0.75rem;
    }
    .button.primary {
      margin-top: 1rem;
      padding: 0.65rem 1rem;
      font-size: 1rem;
    }
    @media (max-width: 760px) {
      .sign-in {
        grid-template-columns: 1fr;
      }
      .intro {
        padding: 1.5rem;
      }
      .pitch {
        display: none;
      }
      .panel {
        padding: 2rem 1.5rem;
        justify-content: start;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly submitted = signal(false);

  protected readonly notice = computed(() => {
    switch (this.reason()) {
      case 'expired':
        return 'Your session has ended. Sign in again to continue.';
      case 'signed-out':
        return 'You are signed out.';
      default:
        return null;
    }
  });

  protected showInvalid(field: 'email' | 'password'): boolean {
    return this.submitted() && this.form.controls[field].invalid;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.problem.set(null);
    if (this.form.invalid) return;
    this.pending.set(true);
    const { email, password } = this.form.getRawValue();
    this.auth.signIn({ email: email.trim(), password }).subscribe({
      next: (user) => {
        const start = startPathFor(user.roles) ?? '/no-access';
        void this.router.navigateByUrl(safeReturnPath(this.returnUrl()) ?? start);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        this.problem.set(
          status === 401 || status === 400
            ? 'That email and password do not match an active account. Check them and try again.'
            : describeApiFailure(
                { status, error: error instanceof HttpErrorResponse ? error.error : undefined },
                'signing in',
              ),
        );
        // A fresh attempt: clear the password without flagging the now-empty field as a mistake.
        this.form.controls.password.reset();
        this.submitted.set(false);
      },
    });
  }
}
