/* An in-process test service as a pool target (tests only: the bench mints sessions on its own). */
import type { PoolTarget } from './pool-fixtures';
import { sessionHeaders } from './sign-in';
import type { TestService } from './test-service';

/** Sessions are minted directly (no argon2, no rate limit), as the route matrix does. */
export function poolTarget(service: TestService): PoolTarget {
  return {
    url: service.url,
    dataSource: service.dataSource,
    headersFor: (email) => sessionHeaders(service, email),
  };
}
