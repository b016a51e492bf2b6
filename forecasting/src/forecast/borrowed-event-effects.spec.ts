import { addDays } from '../calendar';
import type { DailyObservation } from './daily-history';
import { fitDailyModel, forecastDaily } from './daily-model';
import { eventEffects } from './event-effects';
import { mulberry32, standardNormal } from './seeded-random';

/**
 * `level` contacts a day with log-normal noise (σ 0.03) from `from` for `days` days, ×3 on 13 February
 * (Valentine's eve) and ×2 on the 14th: a shop whose Valentine's effect is known by construction.
 */
function valentineShop(from: string, days: number, level: number, seed: number): DailyObservation[] {
  const random = mulberry32(seed);
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    const peak = date.endsWith('-02-13') ? 3 : date.endsWith('-02-14') ? 2 : 1;
    return { date, offered: Math.round(level * peak * Math.exp(0.03 * standardNormal(random))) };
  });
}

const phone = valentineShop('2023-01-02', 1126, 1000, 1); // to 2026-01-31: three Valentine's
const chat = valentineShop('2025-11-24', 69, 500, 2); // to 2026-01-31: none
const forecastOf = (history: DailyObservation[], source?: DailyObservation[]) => {
  const model = fitDailyModel(history, {
    country: 'NL',
    eventEffectSource: source && { label: 'phone', history: source },
  });
  const days = forecastDaily(model, 14, '2026-02-01');
  const p50 = (date: string) => days.find((day) => day.date === date)!.p50;
  return {
    model,
    days,
    eve: p50('2026-02-13') / p50('2026-02-03'),
    day: p50('2026-02-14') / p50('2026-02-03'),
  };
};

describe('event effects borrowed from another queue', () => {
  it('forecasts an event the history never saw with the uplift the source learned', () => {
    const { model, eve, day } = forecastOf(chat, phone);
    // Built ×3 and ×2 against an ordinary day; the ridge penalty and the noise keep the learned
    // multipliers within a few per cent of them.
    expect(eve).toBeGreaterThan(2.8);
    expect(eve).toBeLessThan(3.2);
    expect(day).toBeGreaterThan(1.85);
    expect(day).toBeLessThan(2.15);
    const eveEffect = eventEffects(model).find((e) => e.eventId === 'valentines' && e.offset === -1)!;
    expect(eveEffect.multiplier).toBeCloseTo(eve, 1);
    // Mother's and Father's Day: seen by the source (with no effect), never by the chat.
    const warnings = model.warnings.join('\n');
    expect(warnings).toMatch(
      /no day of Valentine's Day, Mother's Day, Father's Day in the history: the uplift is phone's/,
    );
    expect(warnings).not.toMatch(/without an event uplift/);
  });

  it('gives no uplift without a source, and says so', () => {
    const { model, eve } = forecastOf(chat);
    expect(eve).toBeGreaterThan(0.85);
    expect(eve).toBeLessThan(1.15);
    expect(model.warnings.join('\n')).toMatch(
      /no day of Valentine's Day, .*forecast without an event uplift/,
    );
  });

  it("uses only the source's days before the history's end (no look-ahead)", () => {
    // A source whose only Valentine's is 2026's, after the chat's last day: nothing to borrow.
    const late = valentineShop('2025-03-01', 400, 1000, 3);
    const { model, eve } = forecastOf(chat, late);
    expect(eve).toBeLessThan(1.15);
    expect(model.warnings.join('\n')).toMatch(
      /no day of Valentine's Day in the history: forecast without an event uplift/,
    );
  });

  it('goes on without a source too short to fit', () => {
    const { model, eve } = forecastOf(
      chat,
      phone.slice(0, 1).map((day) => ({ ...day })),
    );
    expect(eve).toBeLessThan(1.15);
    expect(model.warnings.join('\n')).toMatch(/forecast without an event uplift/);
  });

  it('changes nothing for a history that saw every event it can', () => {
    const own = valentineShop('2024-01-01', 761, 800, 4); // to 2026-01-30
    const alone = forecastDaily(fitDailyModel(own, { country: 'NL' }), 14, '2026-02-01');
    const withSource = forecastDaily(
      fitDailyModel(own, { country: 'NL', eventEffectSource: { label: 'phone', history: phone } }),
      14,
      '2026-02-01',
    );
    expect(withSource.map((day) => day.p50)).toEqual(alone.map((day) => day.p50));
  });
});
