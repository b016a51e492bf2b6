import { Routes } from '@angular/router';

import { PlanningPage } from './planning.page';

export const PLANNING_ROUTES: Routes = [{ path: '', component: PlanningPage, title: 'Planning · PeakPlan' }];
