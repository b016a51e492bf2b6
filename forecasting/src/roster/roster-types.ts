/** A shift to staff by preference, with what it is worth and how hard it is. Times in minutes of any one clock. */
export interface RosterShift {
  id: string;
  /** Places still to give (places minus those already confirmed). */
  places: number;
  /** Start and end in minutes (any common origin). */
  start: number;
  end: number;
  /** Paid hours that count as hard (evening, weekend, event day); the caller defines them. */
  hardHours: number;
  /** Indices into {@link RosterInput.intervals} that the shift covers. */
  intervals: number[];
  /** Cover value of a filled place beyond what its intervals buy (small: shifts outside a plan still fill). */
  nominalValue: number;
}

/** One queue interval of the plan: what its 1st, 2nd, … pool person is worth (non-increasing, see placeValues). */
export interface RosterInterval {
  placeValues: number[];
}

export interface RosterMember {
  id: string;
  /** Department id, or null: the member does not count in the spread across departments. */
  department: string | null;
  /** Recognition points earned in the last year: the last tie-breaker only. */
  points: number;
}

export type RosterPreference = 'want' | 'can' | 'none';

/** A member who may be given a shift: every static sign-up rule already passed. */
export interface RosterCandidate {
  member: number;
  shift: number;
  preference: RosterPreference;
  /** Rank among the member's wants, 1 first; null: unranked. */
  rank: number | null;
  /** Planner's hand: 'in' must be given, 'out' must not. */
  pin: 'in' | 'out' | null;
}

/**
 * A linear rule over candidates: `Σ coefficient·x ≤ max` (weekly and peak hours, a department's cap at
 * one moment). `reason` is the sentence a member reads when this rule keeps a want from them.
 */
export interface RosterLimit {
  candidates: number[];
  /** One per candidate; all 1 when left out. */
  coefficients?: number[];
  max: number;
  reason: string;
}

export interface RosterInput {
  shifts: RosterShift[];
  intervals: RosterInterval[];
  members: RosterMember[];
  candidates: RosterCandidate[];
  limits: RosterLimit[];
  /** Least rest between two shifts of one person, minutes (overlap is rest below zero). */
  restMinutes: number;
}

/** The objective's parts of a roster, in the order they were optimised. */
export interface RosterObjective {
  /** Service level bought, summed over intervals (+ the shifts' nominal values). */
  cover: number;
  /** The most hard hours any one person got. */
  maxHardHours: number;
  /** Fairness spread: Σ over people of a convex cost of their hard hours, plus the departments' range. */
  spread: number;
  /** Departments' hard hours per candidate member: highest minus lowest. */
  departmentRange: number;
  wantsGiven: number;
  wantsNotGiven: number;
  cansGiven: number;
  /** Preference score: a want is worth 3 + 1/rank (3 unranked), a can 1. */
  preferenceScore: number;
  points: number;
}

export interface RosterStageReport {
  stage: 'cover' | 'max-hard-hours' | 'spread' | 'preferences' | 'points';
  status: string;
  /** In the stage's own units, minimised. */
  objective: number;
  /** HiGHS's proven bound; null: none yet (the stage ran out of time first). */
  bound: number | null;
  /** |objective − bound| / max(|objective|, 1e-9): 0 when proven optimal; null: no bound yet. */
  gap: number | null;
  seconds: number;
}

export type RosterOutcome = 'given' | 'not-given' | 'pinned' | 'removed';

export interface RosterExplanation {
  candidate: number;
  outcome: RosterOutcome;
  reason: string;
}

export interface RosterResult {
  /** Candidate indices given, ascending. */
  given: number[];
  objective: RosterObjective;
  stages: RosterStageReport[];
  explanations: RosterExplanation[];
}
