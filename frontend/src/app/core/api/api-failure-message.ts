/**
 * Turns a failed API call into one sentence a person can act on. Pure, so it is tested without
 * Angular: the caller passes the status and parsed body of an `HttpErrorResponse`.
 */

export interface ApiFailure {
  /** 0 when no answer came (server down, network gone). */
  status: number;
  /** The parsed response body; an `ApiError` when PeakPlan answered. */
  error?: unknown;
}

function serverMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  // NestJS validation errors carry a list of messages.
  if (Array.isArray(message) && message.every((part) => typeof part === 'string')) return message.join('; ');
  return null;
}

/** @param action what was being done, for the sentence: e.g. "loading the queues". */
export function describeApiFailure(failure: ApiFailure, action: string): string {
  const { status } = failure;
  if (status === 0) {
    return `Cannot reach the PeakPlan server while ${action}. Check that it is running and your connection works, then try again.`;
  }
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return `Your account may not do this (${action}).`;
  if (status === 429) return 'Too many attempts in a short time. Wait a minute, then try again.';
  if (status === 502 || status === 503 || status === 504) {
    return `The PeakPlan server is not available right now (HTTP ${status}) while ${action}. Try again in a moment.`;
  }
  const fromServer = serverMessage(failure.error);
  if (fromServer && status >= 400 && status < 500) return `${fromServer} (HTTP ${status} while ${action}).`;
  return `Something went wrong while ${action} (HTTP ${status}). Try again; if it keeps happening, tell your administrator.`;
}

/** Whether trying again later may help (the server or the network), as opposed to a request PeakPlan refused. */
export function isTransientFailure(failure: ApiFailure): boolean {
  return failure.status === 0 || failure.status >= 500 || failure.status === 429;
}
