/** `POST /api/staffing-plans`: shifts for the pool gap of a scenario (default: the plan scenario). */
/** The shift solver's time limit per queue in a plan run: a run's solve takes at most this per queue. */
export const SHIFT_PLAN_SECONDS_PER_QUEUE = 30;

export interface CreateStaffingPlanRequest {
  scenarioId?: string;
  /** Local dates inclusive; default the scenario's period. */
  from?: string;
  to?: string;
  /** Shift lengths in hours (default 4, 6, 8). */
  lengthsHours?: number[];
}

export interface DraftShiftDto {
  /** The draft shift's id, to publish chosen shifts (`POST /api/staffing-plans/:id/publish`). */
  id: string;
  queue: string;
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
  /** Places: pool members needed on this shift. */
  count: number;
  paidHours: number;
}

export interface StaffingPlanDto {
  id: string;
  scenarioId: string;
  scenarioName: string;
  status: 'draft';
  from: string;
  to: string;
  createdBy: string | null;
  createdAt: string;
  /** Per queue: pool gap hours asked, paid shift hours planned, uncovered and over-covered agent-intervals, solver gap. */
  queues: {
    queue: string;
    gapHours: number;
    paidHours: number;
    uncovered: number;
    overCoverage: number;
    solverGap: number;
    solveSeconds: number;
  }[];
  shifts: DraftShiftDto[];
}

/** `GET /api/staffing-plans`: the plans made so far, newest first, without their shifts. */
export interface StaffingPlanSummaryDto {
  id: string;
  scenarioId: string;
  scenarioName: string;
  from: string;
  to: string;
  createdBy: string | null;
  createdAt: string;
  /** Draft shifts in the plan, and how many of them are published to the pool. */
  draftShifts: number;
  publishedShifts: number;
}

/**
 * `PUT /api/staffing-plans/:id/sign-up-window`: close sign-up now on the plan's published shifts still
 * to come, or reopen it until `closesAt` (default: 24 hours before each shift, or its start when that
 * is nearer than 24 hours). A shift never closes after its own start.
 */
export interface SignUpWindowRequest {
  state: 'open' | 'closed';
  /** Only with `state: 'open'`: an instant with offset, in the future. */
  closesAt?: string;
}

/** Answer of the sign-up window change: how many shifts changed and their windows now. */
export interface SignUpWindowDto {
  planId: string;
  state: 'open' | 'closed';
  changedShifts: number;
  shifts: { shiftId: string; signUpOpensAt: string; signUpClosesAt: string; status: string }[];
}

/** One place on a published shift of the plan: a confirmed member, or an open place (member null). */
export interface PlanRosterLineDto {
  shiftId: string;
  /** Local date and clock times in the organisation's zone; instants with its offset. */
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  queue: string;
  member: string | null;
  email: string | null;
  department: string | null;
}

/** `GET /api/staffing-plans/:id/roster` (JSON) and `/roster.csv`: who works which shift when. */
export interface PlanRosterDto {
  planId: string;
  scenarioName: string;
  timeZone: string;
  lines: PlanRosterLineDto[];
}
