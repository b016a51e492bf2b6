// Roster by preference: who gets which pool shift, by lexicographic MILP solves with HiGHS.
export * from './allocate-roster';
export * from './cover-values';
export * from './fair-swaps';
export * from './roster-explanations';
export * from './roster-model';
export * from './roster-solver-model';
export * from './roster-types';
