/* `peakplan shifts`: a shift plan for a requirement per interval (the pool's gap), solved by HiGHS.
 * npm run -s peakplan -- shifts --requirement FILE.csv [--lengths 4,6,8] [--start-step 15]
 *   [--break-minutes 30] [--gap 0.01] [--time-limit 60]
 * The CSV has a `start,required` header and one row per interval. */
import { readFileSync } from 'node:fs';
import { planShifts, RequirementInterval } from '../../shifts';
import { CliUsageError } from '../cli-usage-error';
import { numberOption, requireOption } from '../parse-args';

const KNOWN = ['requirement', 'lengths', 'start-step', 'break-minutes', 'gap', 'time-limit'];

export async function run(options: Map<string, string>): Promise<unknown> {
  for (const name of options.keys()) {
    if (!KNOWN.includes(name))
      throw new CliUsageError(`unknown option --${name}; expected --${KNOWN.join(', --')}`);
  }
  const file = requireOption(options, 'requirement');
  const requirement = readRequirementCsv(file);
  const lengths = (options.get('lengths') ?? '4,6,8').split(',').map((part) => Number(part.trim()));
  if (lengths.some((hours) => !Number.isFinite(hours) || hours <= 0)) {
    throw new CliUsageError(
      `--lengths must be a comma-separated list of hours, got "${options.get('lengths')}"`,
    );
  }
  const gap = numberOption(options, 'gap', 0.01);
  if (!(gap >= 0 && gap < 1)) throw new CliUsageError(`--gap must be in [0, 1), got ${gap}`);
  const timeLimit = numberOption(options, 'time-limit', 60);
  if (!(timeLimit > 0)) throw new CliUsageError(`--time-limit must be more than 0 seconds, got ${timeLimit}`);
  try {
    const plan = await planShifts(requirement, {
      lengthsHours: lengths,
      startStepMinutes: options.has('start-step') ? numberOption(options, 'start-step') : undefined,
      breakMinutes: options.has('break-minutes') ? numberOption(options, 'break-minutes') : undefined,
      relativeGap: gap,
      timeLimitSeconds: timeLimit,
    });
    return {
      shifts: plan.shifts,
      coverage: plan.coverage,
      paidHours: plan.paidHours,
      objective: plan.objective,
      lowerBound: plan.lowerBound,
      gap: plan.gap,
      uncovered: plan.uncovered,
      overCoverage: plan.overCoverage,
      solveSeconds: plan.solveSeconds,
      intervalMinutes: plan.intervalMinutes,
      days: plan.days,
    };
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      const flags: Record<string, string> = {
        startStepMinutes: '--start-step',
        breakMinutes: '--break-minutes',
        lengthsHours: '--lengths',
      };
      const message = error.message
        .replace(/requirement\[(\d+)\](\.\w+)?/g, (_, i) => `row ${Number(i) + 2}`)
        .replace(/\b(startStepMinutes|breakMinutes|lengthsHours)\b/g, (name) => flags[name]);
      throw new CliUsageError(`${file}: ${message}`);
    }
    throw error;
  }
}

/** Reads `start,required` rows (header required; blank lines ignored), naming the bad line. */
function readRequirementCsv(file: string): RequirementInterval[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `--requirement: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  const startColumn = header.indexOf('start');
  const requiredColumn = header.indexOf('required');
  if (startColumn < 0 || requiredColumn < 0) {
    throw new CliUsageError(`${file}: the header must name the columns start,required, got "${lines[0]}"`);
  }
  const rows: RequirementInterval[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const required = Number(cells[requiredColumn]);
    if (cells[requiredColumn] === undefined || cells[requiredColumn] === '' || !Number.isFinite(required)) {
      throw new CliUsageError(
        `${file} line ${i + 1}: required must be a number, got "${cells[requiredColumn] ?? ''}"`,
      );
    }
    rows.push({ start: cells[startColumn] ?? '', required });
  }
  if (rows.length === 0) throw new CliUsageError(`${file}: no intervals`);
  return rows;
}
