import { parseDeflection, toAdjustments, toAdjustmentsDraft } from './adjustments-draft';

describe('adjustments draft', () => {
  it('fills the server defaults and shows shares as percentages', () => {
    const draft = toAdjustmentsDraft({ volumeUplift: 0.1, eventUplift: { valentines: 0.2 } });
    expect(draft).toMatchObject({
      volumeUpliftPercent: 10,
      shrinkagePercent: 30,
      maxOccupancyPercent: 85,
      serviceLevelPercent: null,
      eventUpliftPercent: { valentines: 20 },
      coreHourlyCost: 32,
      poolHourlyCost: 38,
    });
  });

  it('round-trips the adjustments, leaving out an unset service level and zero event uplifts', () => {
    const adjustments = {
      volumeUplift: 0.15,
      ahtChange: -0.05,
      shrinkage: 0.35,
      maxOccupancy: 0.9,
      eventUplift: { valentines: 0.25 },
      deflection: { 'order-status': 0.3 },
      coreStaff: [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', agents: 12 }],
      coreHourlyCost: 30,
      poolHourlyCost: 40,
    };
    expect(toAdjustments(toAdjustmentsDraft(adjustments))).toEqual(adjustments);
    const draft = toAdjustmentsDraft({});
    draft.eventUpliftPercent['christmas'] = 0;
    expect(toAdjustments(draft).eventUplift).toBeUndefined();
    expect(toAdjustments(draft).serviceLevel).toBeUndefined();
  });

  it('reads deflection lines and names a bad one', () => {
    expect(parseDeflection('order-status = 30\n\nreturns=12,5%')).toEqual({
      deflection: { 'order-status': 0.3, returns: 0.125 },
      problem: null,
    });
    expect(parseDeflection('order-status 30').problem).toBe(
      'Deflection line 1 must look like order-status=30.',
    );
    expect(parseDeflection('x=130').problem).toMatch(/0 to 100%/);
  });
});
