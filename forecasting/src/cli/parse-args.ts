import { CliUsageError } from './cli-usage-error';

export interface ParsedArgs {
  command: string | undefined;
  options: Map<string, string>;
}

/** Parses `command --name value --flag` into a command and a map of options (flags get "true"). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('--')) throw new CliUsageError(`unexpected argument "${token}"`);
    const name = token.slice(2);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) {
      options.set(name, 'true');
    } else {
      options.set(name, next);
      i++;
    }
  }
  return { command, options };
}

/** Reads a required option. */
export function requireOption(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (value === undefined) throw new CliUsageError(`--${name} is required`);
  return value;
}

/** Reads a numeric option, with a default when absent; rejects non-numbers. */
export function numberOption(options: Map<string, string>, name: string, fallback?: number): number {
  const raw = options.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new CliUsageError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new CliUsageError(`--${name} must be a number, got "${raw}"`);
  return value;
}
