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

  it('refuses the reserved names __proto__, constructor and prototype as fields', () => {
    expect(findInputShapeProblem(JSON.parse('{"constructor":{"prototype":{"x":1}}}'), 'body')).toEqual({
      field: 'constructor',
      reason: 'is a reserved name, not a field',
    });
    expect(findInputShapeProblem(JSON.parse('{"a":{"__proto__":{"admin":true}}}'), 'body')?.field).toBe(
      'a.__proto__',
    );
  });

  it('stops at the depth limit without recursing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(findInputShapeProblem(deep, 'body')?.reason).toMatch(/nested at most 12 levels/);
  });
});

describe('findInputShapeProblem bounds the work before validation (point 3)', () => {
  it('refuses more than 100 keys in one object, at once', () => {
    const keys = Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`k${index}`, 'v']));
    expect(findInputShapeProblem(keys, 'body')).toEqual({
      field: 'body',
      reason: 'must hold at most 100 fields',
    });
    expect(findInputShapeProblem({ a: { ...keys } }, 'body')?.field).toBe('a');
  });

  it('refuses arrays of more than 1,000 items and bodies of more than 10,000 values', () => {
    expect(findInputShapeProblem({ weekdays: new Array(1001).fill(1) }, 'body')).toEqual({
      field: 'weekdays',
      reason: 'must hold at most 1000 items',
    });
    // 20 arrays of 1,000 numbers: each array is allowed, the whole is 20,021 values.
    const wide = { rows: Array.from({ length: 20 }, () => new Array<number>(1000).fill(0)) };
    expect(findInputShapeProblem(wide, 'body')).toEqual({
      field: 'body',
      reason: 'must hold at most 10000 values',
    });
  });
});
