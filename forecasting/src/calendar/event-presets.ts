import type { EventDefinition } from './event-definition';
import type { EventRule } from './event-rule';

/*
 * Default windows (days before / after the event date), chosen from how gift and card orders build up:
 * - Valentine's 10 / 1: orders start ~1.5 weeks ahead, questions on delivery the day after.
 * - Mother's/Father's Day 7 / 1: one week of build-up, delivery questions the day after.
 * - Christmas 21 / 7: the December build-up from early December, the collapse up to New Year.
 * - Black Friday 3 / 4: teasers before, the weekend and Cyber Monday after.
 * - Sinterklaas (NL) 10 / 1. Antwerp Mother's Day (15 Aug, BE-VAN only) 7 / 1.
 * Windows may overlap (Sinterklaas inside Christmas, Mothering Sunday near Easter); the daily model
 * gives each (event, offset) its own coefficient, so an overlapping day is not counted twice.
 */
const VALENTINES: EventDefinition = {
  id: 'valentines',
  name: "Valentine's Day",
  rule: { kind: 'fixed', month: 2, day: 14 },
  windowBefore: 10,
  windowAfter: 1,
};
const CHRISTMAS: EventDefinition = {
  id: 'christmas',
  name: 'Christmas',
  rule: { kind: 'fixed', month: 12, day: 25 },
  windowBefore: 21,
  windowAfter: 7,
};
/** Black Friday = the day after the 4th Thursday of November (US Thanksgiving). */
const BLACK_FRIDAY: EventDefinition = {
  id: 'black-friday',
  name: 'Black Friday',
  rule: { kind: 'day-after', rule: { kind: 'nth-weekday', month: 11, weekday: 4, n: 4 } },
  windowBefore: 3,
  windowAfter: 4,
};

const SECOND_SUNDAY_OF_MAY: EventRule = { kind: 'nth-weekday', month: 5, weekday: 0, n: 2 };

function mothersDay(rule: EventRule): EventDefinition {
  return { id: 'mothers-day', name: "Mother's Day", rule, windowBefore: 7, windowAfter: 1 };
}
function fathersDay(rule: EventRule): EventDefinition {
  return { id: 'fathers-day', name: "Father's Day", rule, windowBefore: 7, windowAfter: 1 };
}

const PRESETS: Record<string, () => EventDefinition[]> = {
  NL: () => [
    VALENTINES,
    mothersDay(SECOND_SUNDAY_OF_MAY),
    fathersDay({ kind: 'nth-weekday', month: 6, weekday: 0, n: 3 }),
    BLACK_FRIDAY,
    {
      id: 'sinterklaas',
      name: 'Sinterklaas',
      rule: { kind: 'fixed', month: 12, day: 5 },
      windowBefore: 10,
      windowAfter: 1,
    },
    CHRISTMAS,
  ],
  BE: () => [
    VALENTINES,
    mothersDay(SECOND_SUNDAY_OF_MAY),
    fathersDay({ kind: 'nth-weekday', month: 6, weekday: 0, n: 2 }),
    BLACK_FRIDAY,
    CHRISTMAS,
  ],
  // Province of Antwerp (ISO 3166-2 BE-VAN) keeps Mother's Day on 15 August, besides the national one.
  'BE-VAN': () => [
    ...PRESETS.BE(),
    {
      id: 'mothers-day-antwerp',
      name: "Mother's Day (Antwerp)",
      rule: { kind: 'fixed', month: 8, day: 15 },
      windowBefore: 7,
      windowAfter: 1,
    },
  ],
  // UK Mothering Sunday: the 4th Sunday of Lent = Easter Sunday − 21 days.
  GB: () => [
    VALENTINES,
    mothersDay({ kind: 'easter-offset', days: -21 }),
    fathersDay({ kind: 'nth-weekday', month: 6, weekday: 0, n: 3 }),
    BLACK_FRIDAY,
    CHRISTMAS,
  ],
  US: () => [
    VALENTINES,
    mothersDay(SECOND_SUNDAY_OF_MAY),
    fathersDay({ kind: 'nth-weekday', month: 6, weekday: 0, n: 3 }),
    BLACK_FRIDAY,
    CHRISTMAS,
  ],
  // German Vatertag is Ascension Day (Easter + 39).
  DE: () => [
    VALENTINES,
    mothersDay(SECOND_SUNDAY_OF_MAY),
    fathersDay({ kind: 'easter-offset', days: 39 }),
    BLACK_FRIDAY,
    CHRISTMAS,
  ],
};

/** Country codes with built-in presets. */
export const PRESET_COUNTRIES: readonly string[] = Object.keys(PRESETS);

/**
 * The built-in peak events of a country (ISO 3166-1 alpha-2, or `BE-VAN` for Antwerp province).
 * Every preset has `valentines`, `mothers-day`, `christmas` and `black-friday`.
 * Public-holiday closures come from {@link publicHolidays}.
 * @example eventPresets('GB').find((e) => e.id === 'mothers-day')?.rule // { kind: 'easter-offset', days: -21 }
 * @throws RangeError on an unknown country.
 */
export function eventPresets(country: string): EventDefinition[] {
  const key = typeof country === 'string' ? country.trim().toUpperCase() : '';
  const preset = PRESETS[key];
  if (!preset)
    throw new RangeError(`country must be one of ${PRESET_COUNTRIES.join(', ')}, got "${String(country)}"`);
  return preset().map((event) => ({ ...event }));
}
