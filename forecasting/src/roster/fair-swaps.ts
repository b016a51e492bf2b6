import type { RosterInput } from './roster-types';

/**
 * Lowers the most hard hours of a roster by single swaps, keeping every shift's number of people (so
 * its cover) and every rule: while the person with the most hard hours (the first such, in order) has
 * a hard shift that another candidate of that shift, with fewer hard hours even after taking it, can
 * take without a rest, overlap or limit conflict, that candidate takes it. Pinned people stay. A
 * quick, deterministic start for the fairness stage, which HiGHS then improves and bounds.
 *
 * @example
 * fairSwaps(input, [0, 4]); // e.g. [0, 5]: member 0's second evening went to the candidate of candidate 5
 */
export function fairSwaps(input: RosterInput, given: readonly number[]): number[] {
  const { candidates, shifts, members } = input;
  const isGiven = new Uint8Array(candidates.length);
  for (const p of given) isGiven[p] = 1;
  const hardHours = new Array<number>(members.length).fill(0);
  const byMember = members.map(() => [] as number[]);
  const byShift = shifts.map(() => [] as number[]);
  candidates.forEach((candidate, p) => {
    byMember[candidate.member].push(p);
    byShift[candidate.shift].push(p);
    if (isGiven[p]) hardHours[candidate.member] += shifts[candidate.shift].hardHours;
  });
  const limitsOf = candidates.map(() => [] as { limit: number; coefficient: number }[]);
  const limitUse = input.limits.map(() => 0);
  input.limits.forEach((limit, l) =>
    limit.candidates.forEach((p, e) => {
      const coefficient = limit.coefficients?.[e] ?? 1;
      limitsOf[p].push({ limit: l, coefficient });
      if (isGiven[p]) limitUse[l] += coefficient;
    }),
  );
  const conflicts = (q: number): boolean => {
    const shift = shifts[candidates[q].shift];
    return byMember[candidates[q].member].some((r) => {
      if (!isGiven[r] || r === q) return false;
      const other = shifts[candidates[r].shift];
      return other.start < shift.end + input.restMinutes && shift.start < other.end + input.restMinutes;
    });
  };
  const fitsLimits = (out: number, into: number): boolean =>
    limitsOf[into].every(({ limit, coefficient }) => {
      const freed = limitsOf[out].find((entry) => entry.limit === limit)?.coefficient ?? 0;
      return limitUse[limit] - freed + coefficient <= Math.max(0, input.limits[limit].max) + 1e-9;
    });
  // Each swap lowers the sum of squared hard hours, so this ends; the cap on rounds is a guard only.
  for (let round = 0; round < candidates.length; round++) {
    let worst = 0;
    hardHours.forEach((hours, m) => {
      if (hours > hardHours[worst]) worst = m;
    });
    const mine = byMember[worst]
      .filter((p) => isGiven[p] && candidates[p].pin !== 'in' && shifts[candidates[p].shift].hardHours > 0)
      .sort((a, b) => shifts[candidates[b].shift].hardHours - shifts[candidates[a].shift].hardHours || a - b);
    let swapped = false;
    for (const out of mine) {
      const hard = shifts[candidates[out].shift].hardHours;
      const into = byShift[candidates[out].shift].find(
        (q) =>
          !isGiven[q] &&
          candidates[q].pin !== 'out' &&
          candidates[q].member !== worst &&
          hardHours[candidates[q].member] + hard < hardHours[worst] - 1e-9 &&
          !conflicts(q) &&
          fitsLimits(out, q),
      );
      if (into === undefined) continue;
      isGiven[out] = 0;
      isGiven[into] = 1;
      hardHours[worst] -= hard;
      hardHours[candidates[into].member] += hard;
      for (const { limit, coefficient } of limitsOf[out]) limitUse[limit] -= coefficient;
      for (const { limit, coefficient } of limitsOf[into]) limitUse[limit] += coefficient;
      swapped = true;
      break;
    }
    if (!swapped) break;
  }
  return candidates.flatMap((_, p) => (isGiven[p] ? [p] : []));
}
