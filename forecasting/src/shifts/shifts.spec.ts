import { formatIntervalTime, parseIntervalTime } from './interval-time';
import { planShifts } from './plan-shifts';
import { readRequirement, RequirementInterval } from './requirement-series';
import { shiftPatterns } from './shift-patterns';
import { SolverModel } from './solver-model';
import { stopWorkerSolver, workerSolver } from './worker-solver';

afterAll(() => stopWorkerSolver());

/** A day of `values` per interval from `opening` (HH:MM) on `date`, every `step` minutes. */
function day(
  date: string,
  opening: string,
  step: number,
  values: number[],
  zone = '',
): RequirementInterval[] {
  const first = parseIntervalTime(`${date}T${opening}${zone}`);
  return values.map((required, i) => ({
    start: formatIntervalTime(first.localMinutes + i * step, zone),
    required,
  }));
}

describe('interval times', () => {
  it('parses and formats without the Date object', () => {
    const time = parseIntervalTime('2026-02-14T09:15+01:00');
    expect(time.minutes).toBe(time.localMinutes - 60);
    expect(time.date).toBe('2026-02-14');
    expect(formatIntervalTime(time.localMinutes, time.zone)).toBe('2026-02-14T09:15+01:00');
    // 2024-02-29 is a leap day; 2000-01-01T00:00Z is 10957 days after the epoch.
    expect(parseIntervalTime('2000-01-01T00:00Z').minutes).toBe(10957 * 1440);
    expect(formatIntervalTime(parseIntervalTime('2024-02-29 23:45').localMinutes + 15, '')).toBe(
      '2024-03-01T00:00',
    );
    expect(() => parseIntervalTime('2026-02-30T09:00')).toThrow(RangeError);
    expect(() => parseIntervalTime('14/02/2026 09:00', 'requirement[3].start')).toThrow(
      /requirement\[3\]\.start/,
    );
  });
});

describe('readRequirement', () => {
  it('finds the interval and the days, allowing a pause between days', () => {
    const series = readRequirement([
      ...day('2026-02-13', '20:00', 15, [1, 1]),
      ...day('2026-02-14', '08:00', 15, [2, 2, 2]),
    ]);
    expect(series.intervalMinutes).toBe(15);
    expect(series.days).toEqual([
      { date: '2026-02-13', from: 0, to: 2 },
      { date: '2026-02-14', from: 2, to: 5 },
    ]);
  });

  it('accepts a daylight-saving change given with offsets', () => {
    const rows = [
      { start: '2026-03-29T01:45+01:00', required: 1 },
      { start: '2026-03-29T03:00+02:00', required: 1 },
    ];
    // 01:45+01:00 is 00:45 UTC and 03:00+02:00 is 01:00 UTC: one quarter-hour apart.
    expect(readRequirement(rows).intervalMinutes).toBe(15);
    expect(readRequirement(rows).days).toHaveLength(1);
  });

  it('rejects gaps, overlaps and bad numbers naming the row', () => {
    const rows = day('2026-02-14', '08:00', 15, [1, 1, 1, 1]);
    expect(() => readRequirement([rows[0], rows[1], rows[3]])).toThrow(/gap before requirement\[2\]/);
    expect(() => readRequirement([rows[0], rows[1], rows[1]])).toThrow(/overlaps .*requirement\[2\]/);
    expect(() => readRequirement([rows[0], { ...rows[1], required: Number.NaN }])).toThrow(
      /requirement\[1\]\.required/,
    );
    expect(() => readRequirement([])).toThrow(RangeError);
  });
});

describe('shiftPatterns', () => {
  it('places breaks inside their window and starts on the grid', () => {
    const patterns = shiftPatterns(32, 15, 8 * 60, { lengthsHours: [8] });
    expect(patterns).toHaveLength(17);
    for (const pattern of patterns) {
      expect(pattern.breakStart - pattern.start).toBeGreaterThanOrEqual(8);
      expect(pattern.end - pattern.breakEnd).toBeGreaterThanOrEqual(6);
      expect(pattern.paidHours).toBe(7.5);
    }
    const fourHours = shiftPatterns(40, 15, 8 * 60 + 15, { lengthsHours: [4], startStepMinutes: 30 });
    expect(fourHours.map((pattern) => pattern.start)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]);
    expect(() => shiftPatterns(40, 15, 0, { startStepMinutes: 20 })).toThrow(/startStepMinutes/);
  });
});

describe('planShifts', () => {
  it('finds the proven optimum of a small instance (checked by brute force)', async () => {
    // Hourly intervals, 2-hour shifts starting on any hour, no breaks: enumerate every plan.
    const need = [1, 2, 2, 1, 0, 1];
    const rows = day('2026-02-14', '08:00', 60, need);
    const plan = await planShifts(rows, { lengthsHours: [2], startStepMinutes: 60, solver: 'main' });
    let best = Infinity;
    for (let code = 0; code < 4 ** 5; code++) {
      const counts = [0, 1, 2, 3, 4].map((p) => Math.floor(code / 4 ** p) % 4);
      const covered = need.map((_, t) => (counts[t] ?? 0) + (counts[t - 1] ?? 0));
      if (covered.every((value, t) => value >= need[t]))
        best = Math.min(best, 2 * counts.reduce((a, b) => a + b));
    }
    expect(plan.paidHours).toBe(best);
    expect(plan.uncovered).toBe(0);
    expect(plan.gap).toBeLessThanOrEqual(0.01 + 1e-12);
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.objective + 1e-9);
  });

  it('covers a day with breaks, within the gap of the bound, on the worker thread', async () => {
    const need = Array.from({ length: 48 }, (_, i) => Math.round(6 + 5 * Math.sin(i / 7)));
    const rows = day('2026-02-14', '08:00', 15, need);
    const plan = await planShifts(rows, { solver: 'worker', relativeGap: 0.01 });
    expect(plan.uncovered).toBe(0);
    expect(plan.gap).toBeLessThanOrEqual(0.01 + 1e-9);
    plan.coverage.forEach((row, t) => {
      expect(row.covered).toBeGreaterThanOrEqual(need[t]);
      expect(row.over).toBe(row.covered - need[t]);
    });
    const working = plan.shifts.reduce((sum, shift) => sum + shift.count * shift.paidHours * 4, 0);
    expect(plan.coverage.reduce((sum, row) => sum + row.covered, 0)).toBeCloseTo(working, 9);
    for (const shift of plan.shifts) {
      if (shift.breakStart)
        expect(shift.breakStart > shift.start && String(shift.breakEnd) < shift.end).toBe(true);
    }
    const onThisThread = await planShifts(rows, { solver: 'main', relativeGap: 0 });
    expect(onThisThread.paidHours).toBeLessThanOrEqual(plan.paidHours);
    expect(plan.paidHours).toBeLessThanOrEqual(onThisThread.paidHours * 1.01 + 1e-9);
  });

  it('leaves intervals uncovered when no shift fits or the penalty is cheaper', async () => {
    const short = await planShifts(day('2026-02-14', '08:00', 15, [3, 3]), { solver: 'main' });
    expect(short.shifts).toEqual([]);
    expect(short.uncovered).toBe(6);
    const cheap = await planShifts(
      day('2026-02-14', '08:00', 15, [0, 0, 0, 0, 0, 0, 0, 0, 1, ...Array(15).fill(0)]),
      {
        lengthsHours: [4],
        uncoveredPenalty: 1,
        hourlyCost: 10,
        solver: 'main',
      },
    );
    expect(cheap.paidHours).toBe(0);
    expect(cheap.objective).toBe(1);
  });

  it('covers a fractional requirement and plans 30-minute intervals with the default grid', async () => {
    const fractional = await planShifts(day('2026-02-14', '08:00', 15, Array(16).fill(1.3)), {
      lengthsHours: [4],
      solver: 'main',
    });
    expect(fractional.coverage.every((row) => row.covered === 2)).toBe(true);
    const halfHours = await planShifts(day('2026-02-14', '08:00', 30, Array(24).fill(2)), { solver: 'main' });
    expect(halfHours.uncovered).toBe(0);
    expect(halfHours.intervalMinutes).toBe(30);
  });

  it('reports a failed solve on the worker and keeps serving the next one', async () => {
    const broken = { numCols: 2, numRows: 0, colCost: new Float64Array(1) } as unknown as SolverModel;
    await expect(workerSolver(broken, { timeLimitSeconds: 5, relativeGap: 0 })).rejects.toThrow(
      /HiGHS worker/,
    );
    const plan = await planShifts(day('2026-02-14', '08:00', 60, [1, 1]), {
      lengthsHours: [2],
      startStepMinutes: 60,
      solver: 'worker',
    });
    expect(plan.paidHours).toBe(2);
  });

  it('rejects bad options naming them', async () => {
    const rows = day('2026-02-14', '08:00', 15, [1, 1]);
    await expect(planShifts(rows, { relativeGap: 2 })).rejects.toThrow(/relativeGap/);
    await expect(planShifts(rows, { lengthsHours: [4.1] })).rejects.toThrow(/lengthsHours/);
    await expect(planShifts(rows, { timeLimitSeconds: 0 })).rejects.toThrow(/timeLimitSeconds/);
  });
});
