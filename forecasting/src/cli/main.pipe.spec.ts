import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'forecasting/src/cli/main.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const INTERVALS = join(ROOT, 'forecasting/fixtures/demo-intervals.csv');

// The reader is another process that starts late (sleep 1), so the pipe is full long before anyone reads:
// before the fix `process.exit` right after the write left 131,072 bytes (the pipe's 64 KiB plus what
// libuv had written) and the JSON was cut.
const READER = `
let bytes = 0; const chunks = [];
process.stdin.on('data', (c) => { bytes += c.length; chunks.push(c); });
process.stdin.on('end', () => {
  const result = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(JSON.stringify({ bytes, intervals: result.intervals.length, days: result.days.length }));
});`;

describe('peakplan through a pipe', () => {
  it('writes several MB of interval forecast whole into a slow reader, and exits 0', () => {
    const script = `set -o pipefail; "${TSX}" "${MAIN}" forecast --input "${INTERVALS}" --horizon 365 --interval-minutes 15 2>/dev/null | (sleep 1; node -e "$READER")`;
    const output = execFileSync('bash', ['-c', script], {
      env: { ...process.env, READER },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const seen = JSON.parse(output) as { bytes: number; intervals: number; days: number };
    expect(seen.bytes).toBeGreaterThan(3_000_000);
    expect(seen.days).toBe(365);
    // 08:00–20:00 open in the fixture: 48 quarter-hours a day, on the days the model forecasts open.
    expect(seen.intervals).toBeGreaterThan(300 * 48);
  }, 120_000);
});
