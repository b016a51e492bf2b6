import { STATUS_CODES } from 'node:http';

import { HttpException } from '@nestjs/common';

/** What body-parser (through http-errors) attaches to an error about the request it could not read. */
interface ClientRequestError {
  status: number;
  expose: true;
  type?: string;
  limit?: number;
  message: string;
}

function isClientRequestError(exception: unknown): exception is ClientRequestError {
  if (!(exception instanceof Error)) return false;
  const fields = exception as Error & Partial<Record<'status' | 'expose', unknown>>;
  return (
    fields.expose === true && typeof fields.status === 'number' && fields.status >= 400 && fields.status < 500
  );
}

/**
 * A body that could not be read (too large, unknown charset or content encoding, broken compression or
 * JSON) is the client's mistake: its own 4xx with a message saying what was wrong, not a 500.
 */
export function bodyReadError(exception: unknown): HttpException | undefined {
  if (!isClientRequestError(exception)) return undefined;
  const message =
    exception.type === 'entity.too.large' && exception.limit !== undefined
      ? `the request body is larger than the limit of ${exception.limit} bytes`
      : exception.type === 'entity.parse.failed'
        ? `the request body is not valid JSON: ${exception.message}`
        : `the request body could not be read: ${exception.message}`;
  return new HttpException(
    { error: STATUS_CODES[exception.status] ?? 'Bad Request', message, details: [] },
    exception.status,
  );
}
