import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AuthService } from '../core/auth/auth.service';
import { ComingNextComponent } from '../core/layout/coming-next.component';

/** Pool start page. The marketplace of peak shifts comes with the pool issue; until then it says so. */
@Component({
  selector: 'pp-pool-page',
  imports: [ComingNextComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Pool</p>
      <h1>Welcome, {{ firstName() }}</h1>
      <p class="lead">
        Here you will help out at the contact peaks: pick open peak shifts that match your skills and keep
        track of your schedule.
      </p>
    </header>

    <section class="card profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Signed in as</h2>
      <dl>
        <dt>Name</dt>
        <dd>{{ user()?.name }}</dd>
        <dt>Email</dt>
        <dd>{{ user()?.email }}</dd>
        <dt>Department</dt>
        <dd>{{ user()?.department ?? 'No department recorded' }}</dd>
      </dl>
    </section>

    <pp-coming-next
      heading="The pool marketplace comes next"
      headingId="pool-next-heading"
      [items]="upcoming"
    >
      <p class="muted">No shifts are shown here until the planners publish real peak shifts to the pool.</p>
    </pp-coming-next>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolPage {
  protected readonly user = inject(AuthService).user;
  protected readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  protected readonly upcoming = [
    'Open peak shifts that match your skills and training, around Valentine’s Day, Mother’s Day and Christmas.',
    'Sign up, withdraw, or join the waitlist when a shift is full.',
    'Your own schedule, to add to your calendar.',
    'Your recognition points: shifts worked, with extra weight for the hardest peak slots and for quality.',
  ];
}
