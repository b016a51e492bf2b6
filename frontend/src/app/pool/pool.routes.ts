import { Routes } from '@angular/router';

import { PoolPage } from './pool.page';

export const POOL_ROUTES: Routes = [{ path: '', component: PoolPage, title: 'Pool · PeakPlan' }];
