import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

import { readCsvText } from '../common/csv-text';
import { drainRequest } from '../common/drain-request';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/vnd.ms-excel'];

/**
 * The request body as text, read here rather than by a global body parser (other routes stream their
 * CSV uploads), through the same reader and rules as the other CSV uploads, refused beyond `limitBytes`.
 */
export async function readCsvBody(request: Request, limitBytes: number): Promise<string> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!CSV_TYPES.includes(mediaType)) {
    throw new UnsupportedMediaTypeException(
      `send the accounts as CSV with Content-Type: text/csv (got "${mediaType || 'none'}")`,
    );
  }
  try {
    return await readCsvText(request, {
      maxBytes: limitBytes,
      toError: (problem) =>
        problem.tooLarge
          ? new PayloadTooLargeException(problem.message)
          : new BadRequestException({ message: problem.message, details: problem.details }),
    });
  } catch (error) {
    // The rest of a refused upload is read, so that the client gets the answer, not a reset.
    await drainRequest(request);
    throw error;
  }
}
