// Shift plans: the pool's gap per interval → shifts with breaks, by set covering solved with HiGHS.
export * from './highs-solver';
export * from './interval-time';
export * from './plan-shifts';
export * from './requirement-series';
export * from './set-covering-model';
export * from './shift-patterns';
export * from './shift-plan-types';
export * from './solver-model';
export * from './worker-solver';
