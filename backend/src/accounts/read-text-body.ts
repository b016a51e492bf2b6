import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/vnd.ms-excel'];

/**
 * The request body as text, read here rather than by a global body parser (other routes stream their
 * CSV uploads), and refused beyond `limitBytes`.
 */
export async function readCsvBody(request: Request, limitBytes: number): Promise<string> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!CSV_TYPES.includes(mediaType)) {
    throw new UnsupportedMediaTypeException(
      `send the accounts as CSV with Content-Type: text/csv (got "${mediaType || 'none'}")`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      request.resume();
      throw new PayloadTooLargeException(`the file is larger than ${Math.round(limitBytes / 1024)} KiB`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\uFFFD')) throw new BadRequestException('the file is not UTF-8 text');
  return text;
}
