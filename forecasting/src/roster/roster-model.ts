import { SOLVER_INFINITY } from '../shifts/solver-model';
import type { RosterInput } from './roster-types';

/** Hard hours are spread in blocks of this many hours, each block dearer than the one before. */
export const HARD_HOUR_BLOCK = 4;

/** Preference values (maximised): a want is worth 3 + 1/rank (3 unranked), a can 1, none 0. */
export function preferenceValue(preference: 'want' | 'can' | 'none', rank: number | null): number {
  if (preference === 'want') return 3 + (rank ? 1 / rank : 0);
  return preference === 'can' ? 1 : 0;
}

/** The roster's program: shared rows and columns, and one objective vector per stage (minimised). */
export interface RosterModel {
  numCols: number;
  colLower: number[];
  colUpper: number[];
  integrality: number[];
  /** Row-wise: each row's columns and coefficients with its bounds. */
  rows: { cols: number[]; values: number[]; lower: number; upper: number }[];
  stages: { name: 'cover' | 'max-hard-hours' | 'spread' | 'preferences' | 'points'; cost: number[] }[];
  /** The cover columns `c_{i,k}` (fixed at their values once cover is held). */
  coverCols: number[];
  /** The column `Z`: the most hard hours of anyone. */
  maxHardCol: number;
  /** Per member, their hard-hour block columns in order (empty without hard candidates). */
  blockColsByMember: number[][];
  /** The departments' highest and lowest columns and each department's member indices. */
  departments: { highest: number; lowest: number; members: number[][] } | null;
}

/**
 * Builds the allocation program. Columns: `x_p` (binary, candidate p is given their shift), then per
 * interval one continuous `c_{i,k} ∈ [0,1]` per pool person it is worth something for, then `Z` (most
 * hard hours of anyone), per member hard-hour blocks `h_{m,b} ∈ [0, 4]`, and the departments' highest
 * and lowest hard hours per member. Rows (the sign-up rules as hard constraints):
 * - places: `Σ_{p on s} x_p ≤ places_s`;
 * - rest and overlap: two shifts of one person conflict when the later starts before the earlier's end
 *   plus the rest; stretching each shift by the rest makes the conflicts those of an interval graph, so
 *   one row per person and shift start, `Σ_{p of m, start_p ≤ t < end_p + rest} x_p ≤ 1`, says it all;
 * - the caller's limits (weekly and peak hours, department caps);
 * - cover: `Σ_k c_{i,k} ≤ Σ_{p covering i} x_p` (the values are non-increasing, so the cheapest
 *   solution fills k in order), one row for all intervals covered by the same candidates;
 * - fairness: `H_m = Σ_{p of m} hard_p·x_p ≤ Z`, `H_m = Σ_b h_{m,b}`, and per department
 *   `H_d / n_d` between the lowest and highest column.
 * Stages: 1 cover (−Σ v·c − Σ nominal·x), 2 `Z`, 3 `Σ_b (b+1)·h_{m,b}` (a convex cost: equal shares are
 * cheapest) plus the departments' range, 4 −preference value, 5 −points (only when someone has points).
 */
export function buildRosterModel(input: RosterInput): RosterModel {
  validate(input);
  const { candidates, shifts, intervals, members } = input;
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const addCol = (lower: number, upper: number, integer: boolean): number => {
    colLower.push(lower);
    colUpper.push(upper);
    integrality.push(integer ? 1 : 0);
    return colLower.length - 1;
  };
  for (const candidate of candidates)
    addCol(candidate.pin === 'in' ? 1 : 0, candidate.pin === 'out' ? 0 : 1, true);
  const rows: RosterModel['rows'] = [];

  // Places.
  const byShift = shifts.map(() => [] as number[]);
  candidates.forEach((candidate, p) => byShift[candidate.shift].push(p));
  byShift.forEach((list, s) => {
    if (list.length > shifts[s].places)
      rows.push({ cols: list, values: list.map(() => 1), lower: -SOLVER_INFINITY, upper: shifts[s].places });
  });

  // Rest and overlap, per member: one row per start that sees two or more shifts.
  const byMember = members.map(() => [] as number[]);
  candidates.forEach((candidate, p) => byMember[candidate.member].push(p));
  const seen = new Set<string>();
  for (const list of byMember) {
    const sorted = [...list].sort(
      (a, b) => shifts[candidates[a].shift].start - shifts[candidates[b].shift].start,
    );
    for (const p of sorted) {
      const t = shifts[candidates[p].shift].start;
      const clique = sorted.filter((q) => {
        const shift = shifts[candidates[q].shift];
        return shift.start <= t && t < shift.end + input.restMinutes;
      });
      const key = clique.join(',');
      if (clique.length < 2 || seen.has(key)) continue;
      seen.add(key);
      rows.push({ cols: clique, values: clique.map(() => 1), lower: -SOLVER_INFINITY, upper: 1 });
    }
  }

  for (const limit of input.limits)
    rows.push({
      cols: [...limit.candidates],
      values: limit.coefficients ? [...limit.coefficients] : limit.candidates.map(() => 1),
      lower: -SOLVER_INFINITY,
      upper: Math.max(0, limit.max),
    });

  // Cover.
  const covering = intervals.map(() => [] as number[]);
  candidates.forEach((candidate, p) => {
    for (const i of shifts[candidate.shift].intervals) covering[i].push(p);
  });
  // Intervals that the same candidates cover (the half hours between two shift boundaries) are one
  // row: their k-th persons' values add up (a sum of non-increasing lists stays non-increasing).
  const groups = new Map<string, { covering: number[]; values: number[] }>();
  intervals.forEach((interval, i) => {
    if (covering[i].length === 0) return;
    const key = covering[i].join(',');
    const group = groups.get(key) ?? { covering: covering[i], values: [] };
    interval.placeValues.slice(0, covering[i].length).forEach((value, k) => {
      group.values[k] = (group.values[k] ?? 0) + value;
    });
    groups.set(key, group);
  });
  const coverCols: { col: number; value: number }[] = [];
  for (const group of groups.values()) {
    const steps = group.values.filter((value) => value > 0);
    if (steps.length === 0) continue;
    const cols = steps.map((value) => {
      const col = addCol(0, 1, false);
      coverCols.push({ col, value });
      return col;
    });
    rows.push({
      cols: [...cols, ...group.covering],
      values: [...cols.map(() => 1), ...group.covering.map(() => -1)],
      lower: -SOLVER_INFINITY,
      upper: 0,
    });
  }

  // Fairness.
  const hard = (p: number) => shifts[candidates[p].shift].hardHours;
  const maxHard = addCol(0, SOLVER_INFINITY, false);
  const blockCols: { col: number; cost: number }[] = [];
  const blockColsByMember = members.map(() => [] as number[]);
  byMember.forEach((list, m) => {
    const hardList = list.filter((p) => hard(p) > 0);
    if (hardList.length === 0) return;
    rows.push({
      cols: [...hardList, maxHard],
      values: [...hardList.map(hard), -1],
      lower: -SOLVER_INFINITY,
      upper: 0,
    });
    const possible = hardList.reduce((sum, p) => sum + hard(p), 0);
    const blocks = Math.ceil(possible / HARD_HOUR_BLOCK);
    const cols: number[] = [];
    for (let b = 0; b < blocks; b++) {
      const col = addCol(0, HARD_HOUR_BLOCK, false);
      cols.push(col);
      blockCols.push({ col, cost: b + 1 });
    }
    blockColsByMember[m] = cols;
    rows.push({
      cols: [...hardList, ...cols],
      values: [...hardList.map(hard), ...cols.map(() => -1)],
      lower: 0,
      upper: 0,
    });
  });
  const departmentCols = departmentRows(input, byMember, hard, rows, addCol);

  const numCols = colLower.length;
  const zeros = () => new Array<number>(numCols).fill(0);
  const cover = zeros();
  candidates.forEach((candidate, p) => (cover[p] = -shifts[candidate.shift].nominalValue));
  for (const { col, value } of coverCols) cover[col] = -value;
  const hardest = zeros();
  hardest[maxHard] = 1;
  const spread = zeros();
  for (const { col, cost } of blockCols) spread[col] = cost;
  if (departmentCols) {
    spread[departmentCols.highest] = 1;
    spread[departmentCols.lowest] = -1;
  }
  const preferences = zeros();
  candidates.forEach(
    (candidate, p) => (preferences[p] = -preferenceValue(candidate.preference, candidate.rank)),
  );
  const stages: RosterModel['stages'] = [
    { name: 'cover', cost: cover },
    { name: 'max-hard-hours', cost: hardest },
    { name: 'spread', cost: spread },
    { name: 'preferences', cost: preferences },
  ];
  if (members.some((member) => member.points !== 0)) {
    const points = zeros();
    candidates.forEach((candidate, p) => (points[p] = -members[candidate.member].points));
    stages.push({ name: 'points', cost: points });
  }
  return {
    numCols,
    colLower,
    colUpper,
    integrality,
    rows,
    stages,
    coverCols: coverCols.map(({ col }) => col),
    maxHardCol: maxHard,
    blockColsByMember,
    departments: departmentCols,
  };
}

/** Per department with candidates: `lowest ≤ H_d / n_d ≤ highest`; null below two departments. */
function departmentRows(
  input: RosterInput,
  byMember: number[][],
  hard: (p: number) => number,
  rows: RosterModel['rows'],
  addCol: (lower: number, upper: number, integer: boolean) => number,
): RosterModel['departments'] {
  const departments = new Map<string, number[]>();
  input.members.forEach((member, m) => {
    if (member.department === null || byMember[m].length === 0) return;
    const list = departments.get(member.department) ?? [];
    list.push(m);
    departments.set(member.department, list);
  });
  if (departments.size < 2) return null;
  const highest = addCol(0, SOLVER_INFINITY, false);
  const lowest = addCol(0, SOLVER_INFINITY, false);
  const lists = [...departments.keys()].sort().map((key) => departments.get(key)!);
  for (const memberList of lists) {
    const cols = memberList.flatMap((m) => byMember[m].filter((p) => hard(p) > 0));
    const values = cols.map((p) => hard(p) / memberList.length);
    rows.push({ cols: [...cols, highest], values: [...values, -1], lower: -SOLVER_INFINITY, upper: 0 });
    rows.push({ cols: [...cols, lowest], values: [...values, -1], lower: 0, upper: SOLVER_INFINITY });
  }
  return { highest, lowest, members: lists };
}

function validate(input: RosterInput): void {
  input.candidates.forEach((candidate, p) => {
    if (!(candidate.member >= 0 && candidate.member < input.members.length))
      throw new RangeError(`candidates[${p}].member is not a member index`);
    if (!(candidate.shift >= 0 && candidate.shift < input.shifts.length))
      throw new RangeError(`candidates[${p}].shift is not a shift index`);
  });
  input.shifts.forEach((shift, s) => {
    if (!(shift.end > shift.start)) throw new RangeError(`shifts[${s}] must end after it starts`);
    if (!(shift.places >= 0)) throw new RangeError(`shifts[${s}].places must be 0 or more`);
    for (const i of shift.intervals)
      if (!(i >= 0 && i < input.intervals.length))
        throw new RangeError(`shifts[${s}].intervals holds ${i}, not an interval index`);
  });
  input.limits.forEach((limit, l) => {
    if (limit.coefficients && limit.coefficients.length !== limit.candidates.length)
      throw new RangeError(`limits[${l}].coefficients must have one value per candidate`);
  });
  if (!(input.restMinutes >= 0)) throw new RangeError('restMinutes must be 0 or more');
}
