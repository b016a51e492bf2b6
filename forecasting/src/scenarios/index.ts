// Scenarios: forecast × what-if adjustments → required, scheduled, core, pool gap, cost, service level.
export * from './compute-scenario';
export * from './core-staff-column';
export { createScenarioCache, type ScenarioCache } from './scenario-cache';
export * from './scenario-types';
