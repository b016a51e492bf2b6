import { preferenceValue } from './roster-model';
import type { RosterExplanation, RosterInput } from './roster-types';

/** Why a want or can was not given: said of the roster as allocated, in the member's words. */
export const NOT_GIVEN = {
  rest: (hours: number) =>
    `You were given another shift less than ${hours} hours from this one (overlap or too little rest).`,
  fewerHardHours: 'Given to someone with fewer hard hours this peak.',
  wantedMore: 'Given to someone who wanted it more (a want before a can, a higher rank first).',
  cover: 'All places went to others so that the most under-staffed slots could be filled.',
  fairness: 'Giving it to you would have raised your hard hours above the most anyone has this peak.',
} as const;

/**
 * One explanation per candidate: pinned or removed by a planner, given, or (for a want or a can not
 * given) the first reason that holds in the final roster: a rest or overlap conflict with a shift the
 * member got, a limit that is full (its own sentence), the places went to people with fewer hard
 * hours, to people who wanted it more, or to cover; with a place left, fairness.
 */
export function explainRoster(input: RosterInput, given: readonly number[]): RosterExplanation[] {
  const { candidates, shifts, members } = input;
  const isGiven = new Set(given);
  const hardHours = new Array<number>(members.length).fill(0);
  const takers = shifts.map(() => [] as number[]);
  const byMember = members.map(() => [] as number[]);
  for (const p of given) {
    hardHours[candidates[p].member] += shifts[candidates[p].shift].hardHours;
    takers[candidates[p].shift].push(p);
    byMember[candidates[p].member].push(p);
  }
  const limitUse = input.limits.map((limit) =>
    limit.candidates.reduce((sum, p, e) => sum + (isGiven.has(p) ? (limit.coefficients?.[e] ?? 1) : 0), 0),
  );
  const limitsOf = candidates.map(() => [] as { limit: number; coefficient: number }[]);
  input.limits.forEach((limit, l) =>
    limit.candidates.forEach((p, e) =>
      limitsOf[p].push({ limit: l, coefficient: limit.coefficients?.[e] ?? 1 }),
    ),
  );
  const explanations: RosterExplanation[] = [];
  candidates.forEach((candidate, p) => {
    if (candidate.pin === 'in')
      return explanations.push({ candidate: p, outcome: 'pinned', reason: 'Pinned by a planner.' });
    if (candidate.pin === 'out')
      return explanations.push({ candidate: p, outcome: 'removed', reason: 'Removed by a planner.' });
    if (isGiven.has(p))
      return explanations.push({
        candidate: p,
        outcome: 'given',
        reason: candidate.preference === 'want' ? 'You wanted this shift.' : 'You could take this shift.',
      });
    if (candidate.preference === 'none') return;
    const shift = shifts[candidate.shift];
    const conflict = byMember[candidate.member].some((q) => {
      const other = shifts[candidates[q].shift];
      return other.start < shift.end + input.restMinutes && shift.start < other.end + input.restMinutes;
    });
    let reason: string;
    const fullLimit = limitsOf[p].find(
      ({ limit, coefficient }) => limitUse[limit] + coefficient > Math.max(0, input.limits[limit].max) + 1e-9,
    );
    if (conflict) reason = NOT_GIVEN.rest(Math.round((input.restMinutes / 60) * 100) / 100);
    else if (fullLimit) reason = input.limits[fullLimit.limit].reason;
    else if (takers[candidate.shift].length >= shift.places) {
      const mine = hardHours[candidate.member] + shift.hardHours;
      const takerList = takers[candidate.shift];
      if (shift.hardHours > 0 && takerList.some((q) => hardHours[candidates[q].member] < mine))
        reason = NOT_GIVEN.fewerHardHours;
      else if (
        takerList.some(
          (q) =>
            preferenceValue(candidates[q].preference, candidates[q].rank) >
            preferenceValue(candidate.preference, candidate.rank),
        )
      )
        reason = NOT_GIVEN.wantedMore;
      else reason = NOT_GIVEN.cover;
    } else reason = NOT_GIVEN.fairness;
    explanations.push({ candidate: p, outcome: 'not-given', reason });
  });
  return explanations;
}
