import { stopWorkerSolver } from '../../shifts';
import { CliUsageError } from '../cli-usage-error';
import { run } from './shifts.command';

const fixture = (name: string) => `${__dirname}/../../../fixtures/staffing/${name}`;
const options = (entries: Record<string, string>) => new Map(Object.entries(entries));

afterAll(() => stopWorkerSolver());

interface ShiftsOutput {
  shifts: { start: string; end: string; breakStart: string | null; count: number }[];
  coverage: { start: string; required: number; covered: number; under: number; over: number }[];
  paidHours: number;
  lowerBound: number;
  gap: number;
  uncovered: number;
}

describe('shifts command', () => {
  it('plans the Valentine pool gap within the gap of the bound', async () => {
    const plan = (await run(options({ requirement: fixture('valentine-pool-gap.csv') }))) as ShiftsOutput;
    expect(plan.coverage).toHaveLength(56);
    expect(plan.uncovered).toBe(0);
    expect(plan.gap).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(plan.paidHours).toBeGreaterThanOrEqual(plan.lowerBound - 1e-6);
    expect(plan.shifts[0]).toEqual(
      expect.objectContaining({
        start: expect.any(String),
        end: expect.any(String),
        count: expect.any(Number),
      }),
    );
    expect(plan.shifts.every((shift) => 'breakStart' in shift)).toBe(true);
  });

  it('honours --lengths and --start-step', async () => {
    const plan = (await run(
      options({ requirement: fixture('valentine-pool-gap.csv'), lengths: '4', 'start-step': '60' }),
    )) as ShiftsOutput;
    for (const shift of plan.shifts) {
      expect(shift.start.endsWith(':00')).toBe(true);
      expect(shift.breakStart).toBeNull();
    }
  });

  it.each([
    [{ requirement: fixture('requirement-with-gap.csv') }, /gap before row 4/],
    [{ requirement: fixture('missing.csv') }, /cannot read/],
    [{ requirement: fixture('valentine-pool-gap.csv'), gap: '1.5' }, /--gap/],
    [{ requirement: fixture('valentine-pool-gap.csv'), lengths: '4,x' }, /--lengths/],
    [
      { requirement: fixture('valentine-pool-gap.csv'), 'start-step': '20' },
      /--start-step must be a multiple/,
    ],
    [{}, /--requirement is required/],
  ])('rejects %j with a one-line usage error', async (given, message) => {
    const attempt = run(options(given as Record<string, string>));
    await expect(attempt).rejects.toThrow(CliUsageError);
    await expect(run(options(given as Record<string, string>))).rejects.toThrow(message);
  });
});
