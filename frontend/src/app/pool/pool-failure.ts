import { describeApiFailure, type ApiFailure } from '../core/api/api-failure-message';

/**
 * A refused pool action in one sentence. A sign-up rule's 409 (and "not signed up", 404) already says
 * what stopped it in the member's words ("Less than 11 hours of rest after…"), so that sentence stands
 * alone; anything else gets the dashboard's usual explanation.
 */
export function poolFailureText(failure: ApiFailure, action: string): string {
  const body = failure.error as { message?: unknown; code?: unknown } | undefined;
  if (
    (failure.status === 409 || failure.status === 404) &&
    typeof body?.code === 'string' &&
    typeof body.message === 'string'
  )
    return body.message;
  return describeApiFailure(failure, action);
}
