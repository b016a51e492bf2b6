import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { OrganisationSettings } from '../organisation/organisation-settings.service';
import { AuthService } from './auth.service';
import { canOpenArea, DashboardArea, startPathFor } from './role-access';

/**
 * Only signed-in people pass; others go to the sign-in page and come back afterwards. The
 * organisation's locale and zone are loaded before any page opens, so every page formats with them.
 */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const organisation = inject(OrganisationSettings);
  const user = await inject(AuthService).loadSession();
  if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  await organisation.load();
  return true;
};

/** The sign-in page is for people who are not signed in yet; the others go to their start page. */
export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthService).loadSession();
  return user ? router.parseUrl(startPathFor(user.roles) ?? '/no-access') : true;
};

/** `/` sends each person to their role's start page. */
export const startPageGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthService).loadSession();
  if (!user) return router.parseUrl('/sign-in');
  return router.parseUrl(startPathFor(user.roles) ?? '/no-access');
};

/** An area opens only for roles that may see it; the server checks again on every API call. */
export function areaGuard(area: DashboardArea): CanActivateFn {
  return async () => {
    const router = inject(Router);
    const user = await inject(AuthService).loadSession();
    if (!user) return router.parseUrl('/sign-in');
    if (canOpenArea(user.roles, area)) return true;
    return router.parseUrl(startPathFor(user.roles) ?? '/no-access');
  };
}
