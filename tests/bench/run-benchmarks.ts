/* `npm run bench`: runs every `*.bench.ts` beside this file (or those named on the command line).
 * Each exports `run(): Promise<BenchReport>` and measures against a baseline run in the same process,
 * so the figures read as ratios that hold across machines. Results go to stdout and bench-results.json. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchLine {
  name: string;
  /** Milliseconds of the measured work (median of repeats where repeated). */
  ms: number;
  /** What the ratio is taken against, measured in the same run. */
  baseline: string;
  baselineMs: number;
  ratio: number;
  note?: string;
}

export interface BenchReport {
  suite: string;
  lines: BenchLine[];
}

/** Median wall time in ms of `repeats` calls to `work`. */
export async function timeMedian(work: () => unknown | Promise<unknown>, repeats = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  const reports: BenchReport[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}\n`);
    const suite = (await import(join(__dirname, file))) as { run(): Promise<BenchReport> };
    const report = await suite.run();
    reports.push(report);
    for (const line of report.lines) {
      process.stdout.write(
        `${report.suite} | ${line.name}: ${line.ms.toFixed(1)} ms, ${line.ratio.toFixed(2)}x ${line.baseline} (${line.baselineMs.toFixed(1)} ms)${line.note ? ` — ${line.note}` : ''}\n`,
      );
    }
  }
  writeFileSync('bench-results.json', `${JSON.stringify(reports, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
