import { Routes } from '@angular/router';

import { AdminLayoutComponent } from './admin-layout.component';

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    component: AdminLayoutComponent,
    children: [
      {
        path: '',
        title: 'Accounts · PeakPlan',
        loadComponent: () => import('./accounts/accounts.page').then((m) => m.AccountsPage),
      },
      {
        path: 'import',
        title: 'Import accounts · PeakPlan',
        loadComponent: () => import('./accounts/account-import.page').then((m) => m.AccountImportPage),
      },
      {
        path: 'audit',
        title: 'Audit trail · PeakPlan',
        loadComponent: () => import('./audit/audit-trail.page').then((m) => m.AuditTrailPage),
      },
      {
        path: 'organisation',
        title: 'Organisation · PeakPlan',
        loadComponent: () =>
          import('./organisation/organisation-settings.page').then((m) => m.OrganisationSettingsPage),
      },
    ],
  },
];
