import { Routes } from '@angular/router';

import { PoolPage } from './pool.page';

export const POOL_ROUTES: Routes = [
  { path: '', component: PoolPage, title: 'Pool · PeakPlan' },
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
    path: 'allocations',
    title: 'My roster results · PeakPlan',
    loadComponent: () => import('./allocations/my-allocations.page').then((m) => m.MyAllocationsPage),
  },
];
