import { poolFailureText } from './pool-failure';

describe('poolFailureText', () => {
  it('passes a rule refusal on in its own words', () => {
    const error = {
      statusCode: 409,
      code: 'rest-too-short',
      message: 'Less than 11 hours of rest after your shift that ends at 23:00 on 13 February.',
    };
    expect(poolFailureText({ status: 409, error }, 'signing up')).toBe(
      'Less than 11 hours of rest after your shift that ends at 23:00 on 13 February.',
    );
  });

  it('explains anything else as the dashboard does', () => {
    expect(poolFailureText({ status: 0 }, 'signing up')).toMatch(
      /^Cannot reach the PeakPlan server while signing up/,
    );
    expect(poolFailureText({ status: 409, error: { message: 'conflict' } }, 'signing up')).toBe(
      'conflict (HTTP 409 while signing up).',
    );
  });
});
