/* The `peakplan` command line: `npm run -s peakplan -- <command> [--option value ...]`.
 * JSON on stdout, progress and warnings on stderr, exit code 2 with a one-line reason on bad input.
 * Each command lives in `commands/<name>.command.ts` and exports `run(options): Promise<unknown>`. */
import { CliUsageError } from './cli-usage-error';
import { parseArgs } from './parse-args';

const COMMANDS = ['forecast', 'backtest', 'events', 'staff', 'shifts'] as const;

interface CommandModule {
  run(options: Map<string, string>): Promise<unknown> | unknown;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const { command, options } = parseArgs(argv);
    if (!command || !(COMMANDS as readonly string[]).includes(command)) {
      throw new CliUsageError(`unknown command "${command ?? ''}"; expected one of: ${COMMANDS.join(', ')}`);
    }
    const module = (await import(`./commands/${command}.command`)) as CommandModule;
    const result = await module.run(options);
    if (typeof result === 'string') process.stdout.write(result.endsWith('\n') ? result : `${result}\n`);
    else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof RangeError || error instanceof TypeError) {
      process.stderr.write(`peakplan: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}

// No process.exit: through a pipe, stdout is written asynchronously, and exiting straight after a large
// write drops what the pipe has not taken yet (output cut at 128 KiB). Setting the exit code lets Node
// end on its own once stdout has drained and nothing else is pending.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `peakplan: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
