import { areaLinksFor, canOpenArea, roleLabel, startPathFor } from './role-access';

describe('role-access', () => {
  it('lands each role on its own start page', () => {
    expect(startPathFor(['planner'])).toBe('/planning');
    expect(startPathFor(['manager'])).toBe('/management');
    expect(startPathFor(['pool-member'])).toBe('/pool');
    expect(startPathFor(['admin'])).toBe('/admin');
    // An admin who also plans lands on planning.
    expect(startPathFor(['admin', 'planner'])).toBe('/planning');
  });

  it('lets the planner role win for a person with several roles', () => {
    expect(startPathFor(['pool-member', 'planner'])).toBe('/planning');
    expect(startPathFor(['pool-member', 'manager'])).toBe('/management');
  });

  it('gives no start page to a person without roles', () => {
    expect(startPathFor([])).toBeNull();
  });

  it('shows a pool member only the pool', () => {
    expect(areaLinksFor(['pool-member']).map((link) => link.label)).toEqual(['Pool']);
    expect(canOpenArea(['pool-member'], 'planning')).toBe(false);
    expect(canOpenArea(['pool-member'], 'management')).toBe(false);
  });

  it('shows a manager planning and management, a planner planning and pool, an admin everything and alone the admin area', () => {
    expect(areaLinksFor(['manager']).map((link) => link.area)).toEqual(['planning', 'management']);
    expect(areaLinksFor(['planner']).map((link) => link.area)).toEqual(['planning', 'pool']);
    expect(areaLinksFor(['admin']).map((link) => link.area)).toEqual([
      'planning',
      'pool',
      'management',
      'admin',
    ]);
    expect(canOpenArea(['planner', 'manager', 'pool-member'], 'admin')).toBe(false);
  });

  it('joins the areas of several roles', () => {
    expect(areaLinksFor(['manager', 'pool-member']).map((link) => link.area)).toEqual([
      'planning',
      'pool',
      'management',
    ]);
  });

  it('names roles for people', () => {
    expect(roleLabel('pool-member')).toBe('Pool member');
  });
});
