import { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One line per entry: JSON for machines (`LOG_FORMAT=json`), plain text for a person at a terminal. */
export class StructuredLogger implements LoggerService {
  constructor(
    private readonly minimum: Level = 'info',
    private readonly format: 'json' | 'text' = 'text',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, context?: string): void {
    this.emit('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.emit('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }

  private emit(level: Level, message: unknown, context?: string, trace?: string): void {
    if (RANK[level] < RANK[this.minimum]) return;
    const text =
      message instanceof Error
        ? message.message
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    const time = new Date().toISOString();
    if (this.format === 'json') {
      this.write(`${JSON.stringify({ time, level, context, message: text, ...(trace ? { trace } : {}) })}\n`);
    } else {
      this.write(
        `${time} ${level.toUpperCase().padEnd(5)} ${context ? `[${context}] ` : ''}${text}${trace ? `\n${trace}` : ''}\n`,
      );
    }
  }
}
