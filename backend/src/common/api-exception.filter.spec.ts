import { BadRequestException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';

import type { ApiError } from '@peakplan/contracts';

import { ApiExceptionFilter } from './api-exception.filter';

/** The body and status the filter sends for an exception. */
function sent(exception: unknown): { status: number; body: ApiError } {
  const captured: { status: number; body: ApiError } = { status: 0, body: {} as ApiError };
  const response = {
    status(code: number) {
      captured.status = code;
      return this;
    },
    json(body: ApiError) {
      captured.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return captured;
}

describe('ApiExceptionFilter: one error shape, one spelling of the error name', () => {
  it('names the error by its HTTP reason phrase however the exception was built', () => {
    // An object body without `error` used to leave as HttpStatus' key, "BAD_REQUEST".
    const fromObject = sent(
      new BadRequestException({ message: 'from: not a date', details: [{ field: 'from', reason: 'x' }] }),
    );
    expect(fromObject).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'from: not a date',
        details: [{ field: 'from', reason: 'x' }],
      },
    });
    expect(sent(new NotFoundException('no such queue')).body).toMatchObject({
      error: 'Not Found',
      message: 'no such queue',
    });
    expect(sent(new HttpException({ message: 'too big' }, 413)).body.error).toBe('Payload Too Large');
  });

  it('joins validation messages and hides unexpected errors behind a 500', () => {
    expect(sent(new BadRequestException(['a must be set', 'b must be set'])).body.message).toBe(
      'a must be set; b must be set',
    );
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(sent(new Error('secret stack')).body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'an unexpected error occurred',
      details: [],
    });
  });
});
