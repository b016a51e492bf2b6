import { CliUsageError } from '../cli-usage-error';
import { run } from './staff.command';

const options = (entries: Record<string, string>) => new Map(Object.entries(entries));
const classic = {
  calls: '100',
  'interval-minutes': '30',
  aht: '180',
  'target-seconds': '20',
  'service-level': '0.8',
};

describe('staff command', () => {
  // callcentrehelper.com / pyworkforce worked example: 14 agents, 20 scheduled at 30% shrinkage.
  it('prints the contract fields', async () => {
    const result = (await run(options({ ...classic, 'max-occupancy': '0.85', shrinkage: '0.3' }))) as Record<
      string,
      unknown
    >;
    expect(result).toMatchObject({ agents: 14, scheduled: 20, abandonment: null, model: 'erlang-c' });
    for (const key of ['serviceLevel', 'asa', 'occupancy', 'probabilityOfWaiting']) {
      expect(typeof result[key]).toBe('number');
    }
  });

  it('switches to Erlang A with --patience', async () => {
    const result = (await run(options({ ...classic, patience: '300' }))) as Record<string, unknown>;
    expect(result).toMatchObject({ agents: 13, model: 'erlang-a' });
    expect(result.abandonment).toBeCloseTo(0.025, 3);
  });

  it.each([
    [{ aht: '0' }, /--aht/],
    [{ aht: '-3' }, /--aht/],
    [{ 'service-level': '1' }, /--service-level/],
    [{ 'service-level': '0' }, /--service-level/],
    [{ 'interval-minutes': 'x' }, /--interval-minutes/],
    [{ shrinkage: '1' }, /--shrinkage/],
    [{ colour: 'red' }, /unknown option --colour/],
  ])('rejects %j with a usage error', async (override, message) => {
    await expect(run(options({ ...classic, ...override }))).rejects.toThrow(CliUsageError);
    await expect(run(options({ ...classic, ...override }))).rejects.toThrow(message);
  });
});
