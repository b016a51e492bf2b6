import { Routes } from '@angular/router';

import { ManagementPage } from './management.page';

export const MANAGEMENT_ROUTES: Routes = [
  { path: '', component: ManagementPage, title: 'Management · PeakPlan' },
];
