import { Routes } from '@angular/router';

import { PoolLayoutComponent } from './pool-layout.component';

export const POOL_ROUTES: Routes = [
  {
    path: '',
    component: PoolLayoutComponent,
    children: [
      {
        path: '',
        title: 'Open shifts · PeakPlan',
        loadComponent: () => import('./open-shifts/open-shifts.page').then((m) => m.OpenShiftsPage),
      },
      {
        path: 'schedule',
        title: 'My schedule · PeakPlan',
        loadComponent: () => import('./schedule/my-schedule.page').then((m) => m.MySchedulePage),
      },
      {
        path: 'allocations',
        title: 'My roster results · PeakPlan',
        loadComponent: () => import('./allocations/my-allocations.page').then((m) => m.MyAllocationsPage),
      },
      {
        path: 'points',
        title: 'My points and rewards · PeakPlan',
        loadComponent: () => import('./points/points.page').then((m) => m.PoolPointsPage),
      },
      {
        path: 'messages',
        title: 'My messages · PeakPlan',
        loadComponent: () => import('./messages/messages.page').then((m) => m.PoolMessagesPage),
      },
      {
        path: 'membership',
        title: 'Membership · PeakPlan',
        loadComponent: () => import('./membership/membership.page').then((m) => m.MembershipPage),
      },
    ],
  },
];
