/**
 * The planner's roster page in plain data: per shift who the run gave it to, with pins, and who
 * wanted it but did not get it; what changed since the run before; the objective's parts in words.
 * Pure (formatting only), so its spec runs under plain jest.
 */
import type {
  AllocationAssignmentDto,
  AllocationDto,
  AllocationObjectiveDto,
  AllocationPin,
  PoolShiftDto,
} from '@peakplan/contracts';

import { formatNumber, formatPercent } from '../core/format/organisation-format';
import { shiftWhen } from '../pool/shift-text';

export type PinState = 'in' | 'out' | null;

export interface RosterPerson {
  memberId: string;
  name: string;
  pin: PinState;
  /** New in this run against the run before. */
  added: boolean;
}

export interface RosterWant {
  memberId: string;
  name: string;
  pin: PinState;
  reason: string;
}

export interface RosterRow {
  shiftId: string;
  label: string;
  places: number;
  assigned: RosterPerson[];
  /** Members who marked the shift but were not given it (or were pinned off it), with the reason. */
  notGiven: RosterWant[];
}

/** `za 14 feb 2026, 18:00–22:00 · phone`. */
export function shiftLabel(shift: PoolShiftDto): string {
  return `${shiftWhen(shift)} · ${shift.skill}`;
}

/** A member's name as the planner's member list gives it; a short id when the list lacks them. */
export function memberName(names: ReadonlyMap<string, string>, memberId: string): string {
  return names.get(memberId) ?? `Member ${memberId.slice(0, 8)}`;
}

export function pinOf(pins: readonly AllocationPin[], shiftId: string, memberId: string): PinState {
  return pins.find((pin) => pin.shiftId === shiftId && pin.memberId === memberId)?.pin ?? null;
}

/** The pin list with one member's pin on one shift set (`in`/`out`) or taken away (`null`). */
export function withPin(
  pins: readonly AllocationPin[],
  shiftId: string,
  memberId: string,
  pin: PinState,
): AllocationPin[] {
  const others = pins.filter((entry) => !(entry.shiftId === shiftId && entry.memberId === memberId));
  return pin ? [...others, { shiftId, memberId, pin }] : others;
}

function samePins(a: readonly AllocationPin[], b: readonly AllocationPin[]): boolean {
  const key = (pin: AllocationPin) => `${pin.shiftId}|${pin.memberId}|${pin.pin}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((entry, index) => entry === right[index]);
}

/** Whether the pins being edited differ from the run's own (then a re-run makes sense). */
export function pinsChanged(run: Pick<AllocationDto, 'pins'>, draft: readonly AllocationPin[]): boolean {
  return !samePins(run.pins, draft);
}

/** Rows in the order of the shifts given (the page sorts them by start). */
export function rosterRows(
  shifts: readonly PoolShiftDto[],
  run: Pick<AllocationDto, 'assignments' | 'explanations' | 'changes'>,
  pins: readonly AllocationPin[],
  names: ReadonlyMap<string, string>,
): RosterRow[] {
  const added = new Set((run.changes?.added ?? []).map((entry) => `${entry.shiftId}|${entry.memberId}`));
  return shifts.map((shift) => {
    const assigned = run.assignments
      .filter((assignment) => assignment.shiftId === shift.id)
      .map((assignment) => ({
        memberId: assignment.memberId,
        name: memberName(names, assignment.memberId),
        pin: pinOf(pins, shift.id, assignment.memberId),
        added: added.has(`${shift.id}|${assignment.memberId}`),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const given = new Set(assigned.map((person) => person.memberId));
    const notGiven = run.explanations
      .filter(
        (explanation) =>
          explanation.shiftId === shift.id &&
          (explanation.outcome === 'not-given' || explanation.outcome === 'removed') &&
          !given.has(explanation.memberId),
      )
      .map((explanation) => ({
        memberId: explanation.memberId,
        name: memberName(names, explanation.memberId),
        pin: pinOf(pins, shift.id, explanation.memberId),
        reason: explanation.reason,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { shiftId: shift.id, label: shiftLabel(shift), places: shift.places, assigned, notGiven };
  });
}

/** "What changed since the last run", one sentence per assignment added or dropped. */
export function changeLines(
  changes: AllocationDto['changes'],
  shifts: readonly PoolShiftDto[],
  names: ReadonlyMap<string, string>,
): string[] {
  if (!changes) return [];
  const byId = new Map(shifts.map((shift) => [shift.id, shift]));
  const where = (entry: AllocationAssignmentDto) => {
    const shift = byId.get(entry.shiftId);
    return shift ? shiftLabel(shift) : `shift ${entry.shiftId.slice(0, 8)}`;
  };
  return [
    ...changes.added.map((entry) => `${memberName(names, entry.memberId)} now gets ${where(entry)}.`),
    ...changes.removed.map((entry) => `${memberName(names, entry.memberId)} no longer gets ${where(entry)}.`),
  ];
}

export interface ObjectivePart {
  label: string;
  value: string;
  hint: string;
}

/** The objective's parts in the order they are optimised (docs/numbers.md, roster by preference). */
export function objectiveParts(objective: AllocationObjectiveDto): ObjectivePart[] {
  return [
    {
      label: 'Cover',
      value: formatNumber(objective.cover, 3),
      hint: 'service level bought over the plan’s intervals, + 0,001 per filled place-hour',
    },
    {
      label: 'Most hard hours',
      value: `${formatNumber(objective.maxHardHours, 1)} h`,
      hint: 'weekend, event-day and evening hours of the person with the most',
    },
    {
      label: 'Spread',
      value: formatNumber(objective.spread, 2),
      hint: 'cost of hard hours per person, plus the range across departments',
    },
    {
      label: 'Department range',
      value: `${formatNumber(objective.departmentRange, 1)} h`,
      hint: 'hard hours per member: most minus fewest department',
    },
    {
      label: 'Wants given',
      value: formatNumber(objective.wantsGiven),
      hint: `${formatNumber(objective.wantsNotGiven)} not given`,
    },
    { label: 'Cans given', value: formatNumber(objective.cansGiven), hint: 'shifts members could take' },
    {
      label: 'Preference score',
      value: formatNumber(objective.preferenceScore, 2),
      hint: 'a want 3 + 1/rank, a can 1',
    },
    {
      label: 'Recognition points',
      value: formatNumber(objective.points),
      hint: 'points of the year before of those given a shift; last tie-breaker',
    },
  ];
}

export interface StageLine {
  stage: string;
  status: string;
  objective: string;
  bound: string;
  gap: string;
  seconds: string;
}

export function stageLines(objective: AllocationObjectiveDto): StageLine[] {
  return objective.stages.map((stage) => ({
    stage: stage.stage,
    status: stage.status,
    objective: formatNumber(stage.objective, 3),
    bound: stage.bound === null ? '–' : formatNumber(stage.bound, 3),
    gap: stage.gap === null ? 'no bound (out of time)' : formatPercent(stage.gap, 2),
    seconds: `${formatNumber(stage.seconds, 1)} s`,
  }));
}
