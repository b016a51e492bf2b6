import type { Role } from '@peakplan/contracts';

/**
 * Which area of the dashboard each role may open, and where each role starts after sign-in.
 * The server enforces access on every route; this only decides what the navigation offers.
 * Pure (type-only import), so it is tested by a `*.pure.spec.ts` without Angular.
 */

export type DashboardArea = 'planning' | 'pool' | 'management' | 'admin';

export interface AreaLink {
  area: DashboardArea;
  label: string;
  path: string;
}

export const AREA_LINKS: readonly AreaLink[] = [
  { area: 'planning', label: 'Planning', path: '/planning' },
  { area: 'pool', label: 'Pool', path: '/pool' },
  { area: 'management', label: 'Management', path: '/management' },
  { area: 'admin', label: 'Admin', path: '/admin' },
];

/**
 * Planners run planning and open shifts to the pool; managers read all planning and own the
 * forecast-vs-actual reports; pool members only see the pool; admins see every area, and only they
 * the admin area (accounts, audit trail, the organisation's settings).
 */
const AREAS_BY_ROLE: Record<Role, readonly DashboardArea[]> = {
  admin: ['planning', 'pool', 'management', 'admin'],
  planner: ['planning', 'pool'],
  manager: ['planning', 'management'],
  'pool-member': ['pool'],
};

/** A person's start page: the first of their roles in this order decides. */
const START_AREA_PRIORITY: readonly [Role, DashboardArea][] = [
  ['planner', 'planning'],
  ['manager', 'management'],
  ['pool-member', 'pool'],
  ['admin', 'admin'],
];

export function canOpenArea(roles: readonly Role[], area: DashboardArea): boolean {
  return roles.some((role) => AREAS_BY_ROLE[role]?.includes(area));
}

export function areaLinksFor(roles: readonly Role[]): AreaLink[] {
  return AREA_LINKS.filter((link) => canOpenArea(roles, link.area));
}

/** The path a person lands on after sign-in, or null when none of their roles opens any area. */
export function startPathFor(roles: readonly Role[]): string | null {
  const match = START_AREA_PRIORITY.find(([role]) => roles.includes(role));
  return match ? `/${match[1]}` : null;
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  planner: 'Planner',
  manager: 'Manager',
  'pool-member': 'Pool member',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
