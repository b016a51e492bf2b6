// The pure PeakPlan library: no framework, no I/O, no clock, no unseeded randomness.
export * from './calendar';
export * from './forecast';
export * from './staffing';
export * from './scenarios';
export * from './shifts';
export * from './roster';
export * from './history-csv';
export * from './reasons';
