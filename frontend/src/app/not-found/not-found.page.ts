import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Unknown address, or an account whose roles open no area of the dashboard. */
@Component({
  selector: 'pp-not-found-page',
  imports: [RouterLink],
  template: `
    <section class="card" aria-labelledby="not-found-heading">
      @if (noAccess()) {
        <h1 id="not-found-heading">No page for your account yet</h1>
        <p>
          Your account has no role that opens a part of PeakPlan. Ask an administrator to give you a role.
        </p>
      } @else {
        <h1 id="not-found-heading">Page not found</h1>
        <p>There is no page at this address.</p>
        <a routerLink="/" class="button secondary">Go to your start page</a>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  /** Route data: true on /no-access. */
  readonly noAccess = input(false);
}
