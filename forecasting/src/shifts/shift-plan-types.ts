import { ShiftTemplateOptions } from './shift-patterns';
import { ShiftSolver } from './solver-model';

export interface PlanShiftsOptions extends ShiftTemplateOptions {
  /** Interval length in minutes (default: the step between the first two intervals). */
  intervalMinutes?: number;
  /** Cost per paid hour (default 1: the objective is in paid hours). */
  hourlyCost?: number;
  /** Cost per uncovered agent-interval (default: twice the cost of the longest shift, so covering wins). */
  uncoveredPenalty?: number;
  /** Relative MIP gap at which a day's solve may stop (default 0.01). */
  relativeGap?: number;
  /** Time limit for the whole plan in seconds, shared out over the days (default 60). */
  timeLimitSeconds?: number;
  /**
   * 'worker' (a shared Node worker thread), 'main' (this thread) or a solver function. Default:
   * the worker where one can be started, else this thread.
   */
  solver?: 'worker' | 'main' | ShiftSolver;
}

export interface PlannedShift {
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
  /** How many people work this exact shift. */
  count: number;
  paidHours: number;
}

export interface IntervalCoverage {
  start: string;
  required: number;
  /** People working (not on break) in the interval. */
  covered: number;
  under: number;
  over: number;
}

export interface ShiftPlan {
  shifts: PlannedShift[];
  coverage: IntervalCoverage[];
  paidHours: number;
  /** Paid hours × hourly cost + penalty × uncovered agent-intervals. */
  objective: number;
  /** Proven lower bound on the optimal objective: sum of the days' HiGHS MIP dual bounds (≥ the LP bound). */
  lowerBound: number;
  /** `(objective − lowerBound) / objective` (0 when both are 0). */
  gap: number;
  /** Agent-intervals left uncovered (Σ under). */
  uncovered: number;
  /** Agent-intervals covered beyond the requirement (Σ over). */
  overCoverage: number;
  /** Wall-clock seconds spent in HiGHS, summed over the days. */
  solveSeconds: number;
  intervalMinutes: number;
  days: {
    date: string;
    status: string;
    objective: number;
    lowerBound: number;
    patterns: number;
    seconds: number;
  }[];
}
