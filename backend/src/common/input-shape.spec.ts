import { findInputShapeProblem } from './input-shape';

describe('findInputShapeProblem', () => {
  it('passes ordinary values', () => {
    expect(
      findInputShapeProblem({ name: 'Ann\tB\r\n', roles: ['planner'], n: 1, x: null }, 'body'),
    ).toBeUndefined();
    expect(findInputShapeProblem('😀 emoji (a surrogate pair)', 'id')).toBeUndefined();
  });

  it('names the field holding a control character or a lone surrogate', () => {
    expect(findInputShapeProblem({ a: { b: ['ok', 'x\u0000'] } }, 'body')).toEqual({
      field: 'a.b[1]',
      reason: 'must not contain control characters (such as NUL)',
    });
    expect(findInputShapeProblem({ a: '\ud800' }, 'body')?.reason).toMatch(/lone surrogate/);
    expect(findInputShapeProblem('\udc00x', 'event')).toEqual({
      field: 'event',
      reason: 'must be valid Unicode (no lone surrogate)',
    });
    expect(findInputShapeProblem({ ['k\u007f']: 1 }, 'body')?.reason).toMatch(/^field names/);
  });

  it('stops at the depth limit without recursing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(findInputShapeProblem(deep, 'body')?.reason).toMatch(/nested at most 12 levels/);
  });
});
