import { Routes } from '@angular/router';

import { PlanningLayoutComponent } from './planning-layout.component';
import { PlanningPage } from './planning.page';

export const PLANNING_ROUTES: Routes = [
  {
    path: '',
    component: PlanningLayoutComponent,
    children: [
      { path: '', component: PlanningPage, title: 'Planning · PeakPlan' },
      {
        path: 'queues-events',
        title: 'Queues and events · PeakPlan',
        loadComponent: () => import('../queues-events/queues-events.page').then((m) => m.QueuesEventsPage),
      },
      {
        path: 'forecast',
        title: 'Forecast · PeakPlan',
        loadComponent: () => import('../forecast/forecast.page').then((m) => m.ForecastPage),
      },
      {
        path: 'scenarios',
        title: 'Scenarios · PeakPlan',
        loadComponent: () => import('../scenarios/scenarios.page').then((m) => m.ScenariosPage),
      },
      {
        path: 'reasons',
        title: 'Contact reasons · PeakPlan',
        loadComponent: () => import('../reasons/reasons.page').then((m) => m.ReasonsPage),
      },
      {
        path: 'staffing',
        title: 'Staffing plan and publishing · PeakPlan',
        loadComponent: () => import('../staffing/staffing.page').then((m) => m.StaffingPage),
      },
      {
        path: 'staffing/print',
        title: 'Roster to print · PeakPlan',
        loadComponent: () => import('../staffing/roster-print.page').then((m) => m.RosterPrintPage),
      },
      {
        path: 'roster',
        title: 'Roster by preference · PeakPlan',
        loadComponent: () => import('../roster/roster.page').then((m) => m.RosterPage),
      },
    ],
  },
];
