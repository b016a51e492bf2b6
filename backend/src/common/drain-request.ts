import type { Request } from 'express';

/** Resolves when the rest of a refused upload has been read, so the client sees the answer, not a reset. */
export function drainRequest(request: Request): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    request
      .on('end', resolve)
      .on('error', () => resolve())
      .on('close', resolve);
    request.resume();
  });
}
