import { redeemBlocker, redeemRefusalText, signedPoints } from './points-text';

describe('signedPoints: a point line with its sign, nl-NL digits', () => {
  it('writes earned points with a plus, spent points with a real minus sign and a dot per thousand', () => {
    expect(signedPoints(38)).toBe('+38');
    expect(signedPoints(1250)).toBe('+1.250');
    expect(signedPoints(-60)).toBe('−60');
    expect(signedPoints(0)).toBe('0');
    expect(signedPoints(Number.NaN)).toBe('–');
  });
});

describe('redeemBlocker: what the page says before the server is asked', () => {
  const mug = { price: 60, stock: 50, active: true };

  it('lets a member with enough points redeem a reward in stock', () => {
    expect(redeemBlocker(mug, 60)).toBeNull();
  });

  it('says how many points are missing: 60 − 45 = 15', () => {
    expect(redeemBlocker(mug, 45)).toBe('You need 15 more points.');
  });

  it('says out of stock before points, and no longer offered before both', () => {
    expect(redeemBlocker({ ...mug, stock: 0 }, 10)).toBe('Out of stock.');
    expect(redeemBlocker({ ...mug, active: false, stock: 0 }, 10)).toBe('No longer offered.');
  });
});

describe('redeemRefusalText: the 409 answers of a redemption', () => {
  it('keeps the server’s sentence with its numbers and adds what to do', () => {
    expect(redeemRefusalText('not-enough-points', 'PeakPlan mug costs 60 points; your balance is 40.')).toBe(
      'PeakPlan mug costs 60 points; your balance is 40. Points come with the shifts you work.',
    );
    expect(redeemRefusalText('out-of-stock', 'Team activity: escape room is out of stock.')).toBe(
      'Team activity: escape room is out of stock. Choose another reward.',
    );
  });

  it('has its own words when the server gave none', () => {
    expect(redeemRefusalText('out-of-stock', undefined)).toBe(
      'This reward is out of stock. Choose another reward.',
    );
    expect(redeemRefusalText(undefined, '  ')).toBe('The reward could not be redeemed. Try again.');
  });
});
