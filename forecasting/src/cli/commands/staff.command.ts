/* `peakplan staff`: staffs one live-queue interval (Erlang C, or Erlang A with --patience).
 * npm run -s peakplan -- staff --calls 100 --interval-minutes 30 --aht 180 --target-seconds 20 \
 *   --service-level 0.8 [--patience 300] [--concurrency 2] [--max-occupancy 0.85] [--shrinkage 0.3] */
import { staffInterval } from '../../staffing';
import { CliUsageError } from '../cli-usage-error';
import { numberOption } from '../parse-args';

const KNOWN = [
  'calls',
  'interval-minutes',
  'aht',
  'target-seconds',
  'service-level',
  'patience',
  'concurrency',
  'max-occupancy',
  'shrinkage',
];

export async function run(options: Map<string, string>): Promise<unknown> {
  for (const name of options.keys()) {
    if (!KNOWN.includes(name))
      throw new CliUsageError(`unknown option --${name}; expected --${KNOWN.join(', --')}`);
  }
  const calls = numberOption(options, 'calls');
  const ahtSeconds = numberOption(options, 'aht');
  const serviceLevel = numberOption(options, 'service-level');
  if (calls < 0) throw new CliUsageError(`--calls must be 0 or more, got ${calls}`);
  if (ahtSeconds <= 0) throw new CliUsageError(`--aht must be greater than 0 seconds, got ${ahtSeconds}`);
  if (!(serviceLevel > 0 && serviceLevel < 1)) {
    throw new CliUsageError(`--service-level must be between 0 and 1 (exclusive), got ${serviceLevel}`);
  }
  const patience = options.has('patience') ? numberOption(options, 'patience') : undefined;
  try {
    const result = staffInterval({
      contacts: calls,
      intervalMinutes: numberOption(options, 'interval-minutes'),
      ahtSeconds,
      targetSeconds: numberOption(options, 'target-seconds'),
      serviceLevel,
      patienceSeconds: patience,
      concurrency: numberOption(options, 'concurrency', 1),
      maxOccupancy: numberOption(options, 'max-occupancy', 1),
      shrinkage: numberOption(options, 'shrinkage', 0),
    });
    return {
      agents: result.agents,
      scheduled: result.scheduled,
      serviceLevel: result.serviceLevel,
      asa: result.asa,
      occupancy: result.occupancy,
      probabilityOfWaiting: result.probabilityOfWaiting,
      abandonment: result.abandonment,
      model: result.model,
      fractionalAgents: result.fractionalAgents,
      fractionalScheduled: result.fractionalScheduled,
      load: result.load,
    };
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError)
      throw new CliUsageError(toOptionNames(error.message));
    throw error;
  }
}

/** Library messages name camelCase arguments; the user typed kebab-case options. */
function toOptionNames(message: string): string {
  const names: Record<string, string> = {
    contacts: '--calls',
    intervalMinutes: '--interval-minutes',
    ahtSeconds: '--aht',
    targetSeconds: '--target-seconds',
    serviceLevel: '--service-level',
    patienceSeconds: '--patience',
    concurrency: '--concurrency',
    maxOccupancy: '--max-occupancy',
    shrinkage: '--shrinkage',
    maxAgents: 'the search limit',
  };
  return message.replace(
    /\b(contacts|intervalMinutes|ahtSeconds|targetSeconds|serviceLevel|patienceSeconds|concurrency|maxOccupancy|shrinkage|maxAgents)\b/g,
    (name) => names[name],
  );
}
