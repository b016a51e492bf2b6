// Scenarios: forecast × what-if adjustments → required, scheduled, core, pool gap, cost, service level.
export * from './compute-scenario';
export * from './core-staff-column';
export * from './scenario-types';
