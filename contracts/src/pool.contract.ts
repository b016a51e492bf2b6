/* The flexible pool: members, peak shifts, sign-ups, schedules and calendar feeds. */

import type { PoolApproval } from './accounts.contract';

/** A skill is a queue name (phone, chat, email…). */
export interface PoolSkillDto {
  skill: string;
  /** Training completed on (local date). */
  trainedOn: string | null;
  /** Training expires on (local date, the first day it no longer counts); null: never. */
  expiresOn: string | null;
  /** Whether the training counts today. */
  current: boolean;
}

/** One weekly availability window: ISO weekday (1 = Monday … 7 = Sunday) and local times. */
export interface WeeklyAvailability {
  weekday: number;
  from: string;
  to: string;
}

export type PoolMemberState = 'not-joined' | 'left' | 'pending' | 'approved' | 'refused';

/** `GET /api/pool/me` and the manager's and planner's lists. */
export interface PoolMemberDto {
  /** The account id (as `GET /api/auth/me` gives it). */
  memberId: string;
  name: string;
  email: string;
  departmentId: string | null;
  department: string | null;
  state: PoolMemberState;
  approval: PoolApproval;
  /** The member's state in words, e.g. "waiting for your manager's approval". */
  stateText: string[];
  skills: PoolSkillDto[];
  /** No windows: available any day, any time (dates off aside). */
  weeklyAvailability: WeeklyAvailability[];
  datesOff: string[];
  maxHoursPerWeek: number | null;
  maxHoursPerPeak: number | null;
  joinedAt: string | null;
}

/** `PUT /api/pool/me/availability`. */
export interface UpdateAvailabilityRequest {
  weeklyAvailability?: WeeklyAvailability[];
  datesOff?: string[];
  maxHoursPerWeek?: number | null;
  maxHoursPerPeak?: number | null;
}

/** `PUT /api/pool/members/:memberId/skills` (planner, admin): the member's whole skill list. */
export interface SetSkillsRequest {
  skills: { skill: string; trainedOn?: string | null; expiresOn?: string | null }[];
}

/** `POST /api/pool/applicants/:memberId/decision` (the member's department manager). */
export interface PoolDecisionRequest {
  decision: 'approved' | 'refused';
}

/** `GET /api/pool/department-caps`, `PUT /api/pool/department-caps/:departmentId`. */
export interface DepartmentCapDto {
  departmentId: string;
  department: string;
  /** Active people of the department (the base of a share). */
  people: number;
  /** Most people away in the pool at any moment: a number, or a share of `people`; both null: no cap. */
  maxPeople: number | null;
  maxShare: number | null;
  /** The cap as a number of people (a share rounded down). */
  effectiveMax: number | null;
}

export interface SetDepartmentCapRequest {
  maxPeople?: number | null;
  maxShare?: number | null;
}

export type ShiftAllocation = 'first-come' | 'preference';
export type PoolShiftStatus = 'upcoming' | 'open' | 'closed' | 'cancelled';

/** `POST /api/pool/shifts` (planner). Date and times are local to the organisation's time zone. */
export interface CreatePoolShiftRequest {
  date: string;
  start: string;
  /** At or before `start`: the shift ends the next day. */
  end: string;
  skill: string;
  places: number;
  breakMinutes?: number;
  remote?: boolean;
  location?: string | null;
  signUpOpensAt?: string;
  signUpClosesAt?: string;
  /** Default: 24 hours before the start. */
  withdrawalCutoffAt?: string;
  allocation?: ShiftAllocation;
  /** Label of the peak the shift belongs to (for the per-peak hours cap). */
  peak?: string | null;
}

/** `POST /api/staffing-plans/:planId/publish`: all draft shifts of the plan, or the chosen ones. */
export interface PublishPlanRequest {
  draftShiftIds?: string[];
  signUpOpensAt?: string;
  signUpClosesAt?: string;
  allocation?: ShiftAllocation;
  remote?: boolean;
  location?: string | null;
  peak?: string | null;
}

/** `PATCH /api/pool/shifts/:id`: audited; booked members get a message. */
export interface UpdatePoolShiftRequest {
  date?: string;
  start?: string;
  end?: string;
  breakMinutes?: number;
  places?: number;
  location?: string | null;
  signUpClosesAt?: string;
  withdrawalCutoffAt?: string;
  /** Cutting places below the confirmed count moves the last confirmed back to the waitlist only when true. */
  moveLastConfirmedToWaitlist?: boolean;
}

export interface PoolShiftDto {
  id: string;
  date: string;
  start: string;
  end: string;
  /** Instants with the organisation's offset. */
  startsAt: string;
  endsAt: string;
  breakMinutes: number;
  paidHours: number;
  skill: string;
  places: number;
  confirmed: number;
  waitlisted: number;
  requested: number;
  remote: boolean;
  location: string | null;
  signUpOpensAt: string;
  signUpClosesAt: string;
  withdrawalCutoffAt: string;
  allocation: ShiftAllocation;
  status: PoolShiftStatus;
  peak: string | null;
  staffingPlanId: string | null;
  draftShiftId: string | null;
  /** For a pool member: their own sign-up on this shift, if any (on a preference shift, their mark). */
  mine?: {
    id: string;
    status: SignUpStatus;
    position?: number;
    preference?: ShiftPreference;
    rank?: number | null;
  } | null;
  /**
   * For a pool member without a sign-up on it: the rule that would refuse their sign-up now (overlap,
   * rest, hours caps, department cap), with the sentence the refusal gives; null when nothing does.
   */
  blockedBy?: PoolRuleBlock | null;
}

/** A sign-up rule that says no, as its 409 answer would: the stable code and the sentence. */
export interface PoolRuleBlock {
  code: PoolRuleCode;
  reason: string;
}

export type SignUpStatus = 'confirmed' | 'waitlisted' | 'requested' | 'withdrawn' | 'cancelled';

/** `POST /api/pool/shifts/:id/sign-ups` → 201. */
export interface SignUpResponse {
  id: string;
  shiftId: string;
  status: 'confirmed' | 'waitlisted' | 'requested';
  /** Place in the waitlist, 1 first. */
  position?: number;
}

/** `DELETE /api/pool/shifts/:id/sign-ups/mine`. */
export interface WithdrawResponse {
  id: string;
  shiftId: string;
  status: 'withdrawn';
  /** The waitlisted member promoted into the freed place, if any. */
  promotedMemberId: string | null;
}

/** `GET /api/pool/shifts/:id/sign-ups` (planner). */
export interface ShiftSignUpDto {
  id: string;
  memberId: string;
  member: string;
  department: string | null;
  status: SignUpStatus;
  createdAt: string;
  position?: number;
}

/** `GET /api/pool/me/schedule`: my confirmed, requested and waitlisted shifts, soonest first. */
export interface MyScheduleEntryDto {
  signUpId: string;
  status: 'confirmed' | 'waitlisted' | 'requested';
  position?: number;
  shift: PoolShiftDto;
}

/**
 * `GET /api/pool/department-bookings`: who of my department (a manager; an admin: every department)
 * holds or waits for a place on a shift still to come, soonest first.
 */
export interface DepartmentBookingDto {
  signUpId: string;
  memberId: string;
  member: string;
  department: string | null;
  status: 'confirmed' | 'waitlisted' | 'requested';
  /** Place in the waitlist, 1 first. */
  position?: number;
  shiftId: string;
  /** Local date and times in the organisation's zone; instants with its offset. */
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  skill: string;
  peak: string | null;
  remote: boolean;
  location: string | null;
}

/** `GET /api/pool/me/calendar-feed`, `POST /api/pool/me/calendar-feed/renew`. */
export interface CalendarFeedDto {
  url: string;
}

/** Why a sign-up (or a change) was refused: the `code` of the 409 answer. */
export type PoolRuleCode =
  | 'not-a-member'
  | 'not-approved'
  | 'untrained'
  | 'training-expired'
  | 'unavailable'
  | 'overlap'
  | 'rest-too-short'
  | 'weekly-hours'
  | 'peak-hours'
  | 'department-cap'
  | 'window-not-open'
  | 'window-closed'
  | 'shift-past'
  | 'shift-cancelled'
  | 'already-signed-up'
  | 'not-signed-up'
  | 'withdrawal-cutoff-passed'
  | 'places-below-confirmed'
  | 'not-preference-shift';

/** `GET /api/staffing-plans/:planId/coverage`: per queue and interval of the plan's period. */
export interface PlanCoverageIntervalDto {
  queue: string;
  /** Interval start with the organisation's offset. */
  start: string;
  /** Pool agents the plan scenario asks for in this interval. */
  poolGap: number;
  /** Places of the plan's published (not cancelled) shifts covering the interval. */
  published: number;
  confirmed: number;
  /** Published places not yet confirmed. */
  open: number;
}

export interface PlanCoverageDto {
  planId: string;
  /** Only intervals with a pool gap or a published place. */
  intervals: PlanCoverageIntervalDto[];
  /** Intervals whose gap is not yet covered by confirmed members. */
  intervalsShort: number;
}

/** How much a member wants a preference shift; `none` takes the mark away. */
export type ShiftPreference = 'want' | 'can' | 'none';

/** `PUT /api/pool/shifts/:id/preference` (pool member, for themself, while the window is open). */
export interface SetPreferenceRequest {
  preference: ShiftPreference;
  /** Rank among my wants, 1 first; only with `want`. */
  rank?: number | null;
}

export interface PreferenceDto {
  shiftId: string;
  preference: ShiftPreference;
  rank: number | null;
}

export type AllocationStatus = 'running' | 'done' | 'failed';

/** A planner's hand on an allocation: `in` must be given the shift, `out` must not. */
export interface AllocationPin {
  shiftId: string;
  memberId: string;
  pin: 'in' | 'out';
}

/** `POST /api/pool/allocations` (planner): preference shifts to allocate. */
export interface CreateAllocationRequest {
  shiftIds: string[];
}

/** `PUT /api/pool/allocations/:id/pins`: the whole pin list; starts a new run with it. */
export interface SetAllocationPinsRequest {
  pins: AllocationPin[];
}

export interface AllocationStartedDto {
  id: string;
  status: AllocationStatus;
  /** The run this one was started from (pins) or compares with. */
  previousId: string | null;
}

export interface AllocationAssignmentDto {
  shiftId: string;
  memberId: string;
}

export type AllocationOutcome = 'given' | 'not-given' | 'pinned' | 'removed';

export interface AllocationExplanationDto {
  memberId: string;
  shiftId: string;
  outcome: AllocationOutcome;
  reason: string;
}

/** The objective's parts, in the order they were optimised (see docs/numbers.md). */
export interface AllocationObjectiveDto {
  /** Service level bought over the plan's intervals (+ 0.001 per filled place-hour). */
  cover: number;
  maxHardHours: number;
  spread: number;
  departmentRange: number;
  wantsGiven: number;
  wantsNotGiven: number;
  cansGiven: number;
  preferenceScore: number;
  points: number;
  /** Each stage's solve: its value, HiGHS's bound and the relative gap between them. */
  /** `gap` null: the stage ran out of time before HiGHS had a bound. */
  stages: {
    stage: string;
    status: string;
    objective: number;
    bound: number | null;
    gap: number | null;
    seconds: number;
  }[];
}

/** `GET /api/pool/allocations/:id` (planner). */
export interface AllocationDto {
  id: string;
  status: AllocationStatus;
  shiftIds: string[];
  pins: AllocationPin[];
  trigger: 'planner' | 'window-close';
  assignments: AllocationAssignmentDto[];
  objective: AllocationObjectiveDto | null;
  explanations: AllocationExplanationDto[];
  /** Against the previous run: assignments it adds and drops. */
  changes: {
    previousId: string;
    added: AllocationAssignmentDto[];
    removed: AllocationAssignmentDto[];
  } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
}

/** `GET /api/pool/me/allocations`: per published allocation, what I got and why not the rest. */
export interface MyAllocationDto {
  allocationId: string;
  publishedAt: string;
  given: PoolShiftDto[];
  notGiven: { shift: PoolShiftDto; preference: 'want' | 'can'; reason: string }[];
}
