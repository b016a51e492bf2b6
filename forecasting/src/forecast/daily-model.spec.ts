import { eventPresets } from '../calendar';
import { fitDailyModel, forecastDaily } from './daily-model';
import { syntheticPhoneHistory } from '../demo/synthetic-phone-history';
import { eventEffects } from './event-effects';
import { mulberry32 } from './seeded-random';
import { generateSyntheticHistory } from './synthetic-history';

const VALENTINE_EFFECTS = [1, 1, 1, 1, 1, 1.3, 1.5, 1.8, 2.2, 3.0, 2.0, 1.2]; // offsets −10..+1
const MOTHERS_DAY_EFFECTS = [1, 1, 1, 1.4, 1.6, 1.9, 2.5, 1.5, 1.1]; // offsets −7..+1
const events = eventPresets('NL').filter((event) =>
  ['valentines', 'mothers-day', 'christmas'].includes(event.id),
);

// Three years of a shop closed on Sundays, +5%/year, 4% log-normal noise, constant peak sizes,
// two outage days: the known multipliers must come back out of the fit.
const history = generateSyntheticHistory(
  {
    start: '2023-01-02',
    days: 3 * 365,
    level: 500,
    growth: 0.05,
    weekdayFactors: [0, 1.2, 1.1, 1, 1, 0.9, 0.5],
    yearlyAmplitude: 0.1,
    events,
    effects: { valentines: VALENTINE_EFFECTS, 'mothers-day': MOTHERS_DAY_EFFECTS },
    closedDates: ['12-25'],
    noise: 0.04,
    peakVariation: 0,
    outages: 2,
  },
  mulberry32(42),
);

describe('fitDailyModel — recovery of known event effects', () => {
  const model = fitDailyModel(history, { events, country: 'NL' });
  const effects = eventEffects(model);
  const effect = (eventId: string, offset: number) =>
    effects.find((e) => e.eventId === eventId && e.offset === offset)?.multiplier ?? Number.NaN;

  it.each([-4, -3, -2, -1, 0, 1])("Valentine's offset %i within 12%", (offset) => {
    const truth = VALENTINE_EFFECTS[offset + 10];
    expect(Math.abs(effect('valentines', offset) / truth - 1)).toBeLessThan(0.12);
  });
  // Offset 0 is a Sunday, when this shop is closed: nothing to learn there.
  it.each([-3, -2, -1, 1])("Mother's Day offset %i within 12%", (offset) => {
    const truth = MOTHERS_DAY_EFFECTS[offset + 7];
    expect(Math.abs(effect('mothers-day', offset) / truth - 1)).toBeLessThan(0.12);
  });
  it('flags the outage days and learns Sunday and 25 Dec as closures', () => {
    expect(model.outliers.length).toBeGreaterThanOrEqual(2);
    expect(model.closedWeekdays).toEqual([0]);
    const forecast = forecastDaily(model, 30, '2026-12-10');
    const christmas = forecast.find((day) => day.date === '2026-12-25');
    expect(christmas?.p50).toBe(0);
    expect(forecast.filter((day) => day.date === '2026-12-13').map((day) => day.p90)).toEqual([0]); // a Sunday
  });
  it('gives ordered, finite P10 ≤ P50 ≤ P90', () => {
    for (const day of forecastDaily(model, 120)) {
      expect(Number.isFinite(day.p10) && Number.isFinite(day.p90)).toBe(true);
      expect(day.p10).toBeLessThanOrEqual(day.p50);
      expect(day.p50).toBeLessThanOrEqual(day.p90);
    }
  });
  it('rejects a bad horizon or start', () => {
    expect(() => forecastDaily(model, 0)).toThrow(/horizon/);
    expect(() => forecastDaily(model, 10_000)).toThrow(/horizon/);
    expect(() => forecastDaily(model, 10, '2023-05-01')).toThrow(/start/);
  });
});

describe('fitDailyModel — short history', () => {
  it('works on ten weeks with a warning and default-width bands for its length', () => {
    const short = syntheticPhoneHistory(3, '2026-01-05', 70);
    const model = fitDailyModel(short, { country: 'NL' });
    expect(model.model).toBe('regression');
    expect(model.warnings.join(' ')).toMatch(/short history/);
    // An ordinary Monday: the 70-day default ±0.13 in log units, (1 + P50)·e^0.13 − 1 (SHORT_HISTORY_BANDS).
    const [day] = forecastDaily(model, 1, '2026-03-16');
    expect(day.p90).toBeCloseTo((1 + day.p50) * Math.exp(0.13) - 1, 6);
    expect(day.p10).toBeCloseTo((1 + day.p50) * Math.exp(-0.13) - 1, 6);
    // Four weeks of history: ±0.2.
    const [early] = forecastDaily(fitDailyModel(short.slice(0, 28), { country: 'NL' }), 1, '2026-02-02');
    expect(early.p90).toBeCloseTo((1 + early.p50) * Math.exp(0.2) - 1, 6);
  });
  it('rejects bad rows with the index named', () => {
    expect(() => fitDailyModel([])).toThrow(/history must not be empty/);
    expect(() => fitDailyModel([{ date: '2026-01-01', offered: -1 }])).toThrow(/history\[0\].offered/);
    expect(() =>
      fitDailyModel([
        { date: '2026-01-01', offered: 1 },
        { date: '2026-01-01', offered: 2 },
      ]),
    ).toThrow(/duplicated/);
  });
});
