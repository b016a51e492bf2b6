import { Routes } from '@angular/router';

import { ManagementLayoutComponent } from './management-layout.component';
import { ManagementPage } from './management.page';

export const MANAGEMENT_ROUTES: Routes = [
  {
    path: '',
    component: ManagementLayoutComponent,
    children: [
      { path: '', component: ManagementPage, title: 'Management · PeakPlan' },
      {
        path: 'approvals',
        title: 'Pool approvals · PeakPlan',
        loadComponent: () => import('./approvals/approvals.page').then((m) => m.ApprovalsPage),
      },
      {
        path: 'scenarios',
        title: 'Scenarios · PeakPlan',
        loadComponent: () =>
          import('./scenario-compare/scenario-compare.page').then((m) => m.ScenarioComparePage),
      },
      {
        path: 'points',
        title: 'Recognition points · PeakPlan',
        loadComponent: () =>
          import('./department-points/department-points.page').then((m) => m.DepartmentPointsPage),
      },
    ],
  },
];
