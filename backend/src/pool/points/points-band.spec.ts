import { pointsBand } from './points-band';

describe('pointsBand: where my year stands, without anyone’s name', () => {
  const pool = [100, 80, 50, 20];
  it('bands by the share of members with strictly more points', () => {
    expect(pointsBand(100, pool)).toBe('top-10'); // 0 of 4 above
    expect(pointsBand(80, pool)).toBe('top-50'); // 1 of 4 = 25%: not under 25%
    expect(pointsBand(50, pool)).toBe('rest'); // 2 of 4 = 50%
    expect(pointsBand(0, pool)).toBe('none');
  });

  it('puts the second of ten in the top 25%, not the top 10%', () => {
    // 1 of 10 above = 10%: not under 10%, under 25%.
    expect(pointsBand(90, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toBe('top-25');
  });
});
