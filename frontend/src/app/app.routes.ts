import { Routes } from '@angular/router';

import { areaGuard, signedInGuard, signedOutGuard, startPageGuard } from './core/auth/auth.guards';
import { ShellComponent } from './core/layout/shell.component';

export const APP_ROUTES: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    title: 'Sign in · PeakPlan',
    loadComponent: () => import('./sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [startPageGuard], children: [] },
      {
        path: 'planning',
        canActivate: [areaGuard('planning')],
        loadChildren: () => import('./planning/planning.routes').then((m) => m.PLANNING_ROUTES),
      },
      {
        path: 'pool',
        canActivate: [areaGuard('pool')],
        loadChildren: () => import('./pool/pool.routes').then((m) => m.POOL_ROUTES),
      },
      {
        path: 'management',
        canActivate: [areaGuard('management')],
        loadChildren: () => import('./management/management.routes').then((m) => m.MANAGEMENT_ROUTES),
      },
      {
        path: 'admin',
        canActivate: [areaGuard('admin')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'no-access',
        title: 'No access · PeakPlan',
        data: { noAccess: true },
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
      {
        path: '**',
        title: 'Not found · PeakPlan',
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
