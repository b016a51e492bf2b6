/** `POST /api/staffing-plans`: shifts for the pool gap of a scenario (default: the plan scenario). */
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
