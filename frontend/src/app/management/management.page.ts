import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth/auth.service';
import { canOpenArea } from '../core/auth/role-access';
import { ComingNextComponent } from '../core/layout/coming-next.component';

/** Management start page. Forecast-vs-actual reports come in a later issue; until then it says so. */
@Component({
  selector: 'pp-management-page',
  imports: [ComingNextComponent, RouterLink],
  template: `
    <header class="page-header">
      <p class="eyebrow">Management</p>
      <h1>Forecast and actual, side by side</h1>
      <p class="lead">{{ signedInAs() }}</p>
    </header>

    <pp-coming-next
      heading="Accuracy reports come next"
      headingId="management-next-heading"
      [items]="upcoming"
    >
      <p class="muted">
        Reports appear once forecasts have been made and the peak days they cover have passed; nothing is
        shown before there is something real to compare. Meanwhile the contact history is under
        @if (canSeePlanning()) {
          <a routerLink="/planning">Planning</a>.
        } @else {
          Planning.
        }
      </p>
    </pp-coming-next>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManagementPage {
  protected readonly user = inject(AuthService).user;
  protected readonly signedInAs = computed(() => {
    const user = this.user();
    if (!user) return '';
    return user.department
      ? `Signed in as ${user.name}, manager of ${user.department}.`
      : `Signed in as ${user.name}.`;
  });
  protected readonly canSeePlanning = computed(() => canOpenArea(this.user()?.roles ?? [], 'planning'));
  protected readonly upcoming = [
    'Forecast versus actual per peak, per day and per interval.',
    'Accuracy (WAPE, MASE), bias, and the service level that was reached.',
    'Over- and under-staffing per interval, and what each scenario cost.',
    'Approving pool members and their sign-ups from your own department.',
  ];
}
