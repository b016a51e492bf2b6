import { STATUS_CODES } from 'node:http';

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

import type { ApiError } from '@peakplan/contracts';

import { bodyReadError } from './body-read-error';

/**
 * Every error leaves as `{ statusCode, error, message, details[] }`, `error` always the status's HTTP
 * reason phrase ("Bad Request", never "BAD_REQUEST"); unexpected ones are logged, not leaked.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    response.status(body.statusCode).json(body);
  }

  private toApiError(thrown: unknown): ApiError {
    const exception = bodyReadError(thrown) ?? thrown;
    if (!(exception instanceof HttpException)) {
      return {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'an unexpected error occurred',
        details: [],
      };
    }
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const fields =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: raw };
    const messages = Array.isArray(fields['message'])
      ? (fields['message'] as string[])
      : [String(fields['message'] ?? exception.message)];
    const details = Array.isArray(fields['details']) ? (fields['details'] as ApiError['details']) : [];
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: messages.join('; '),
      details,
      ...(typeof fields['code'] === 'string' ? { code: fields['code'] } : {}),
    };
  }
}
