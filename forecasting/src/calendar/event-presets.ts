import type { EventDefinition } from './event-definition';
import type { EventRule } from './event-rule';
import { holidayPlace, observanceRule, type HolidayPlace } from './observance-rules';

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

function mothersDay(rule: EventRule): EventDefinition {
  return { id: 'mothers-day', name: "Mother's Day", rule, windowBefore: 7, windowAfter: 1 };
}
function fathersDay(rule: EventRule): EventDefinition {
  return { id: 'fathers-day', name: "Father's Day", rule, windowBefore: 7, windowAfter: 1 };
}

/**
 * Hand-written rules, only where a peak needs more than date-holidays gives: an event it does not
 * list (Sinterklaas, Belgian Father's Day, German Vatertag on Ascension Day), or a regional date
 * (Antwerp's Mother's Day on 15 August). They add to or replace the observances of the same id.
 */
const HAND_RULES: Record<string, EventDefinition[]> = {
  NL: [
    {
      id: 'sinterklaas',
      name: 'Sinterklaas',
      rule: { kind: 'fixed', month: 12, day: 5 },
      windowBefore: 10,
      windowAfter: 1,
    },
  ],
  BE: [fathersDay({ kind: 'nth-weekday', month: 6, weekday: 0, n: 2 })],
  // Province of Antwerp (ISO 3166-2 BE-VAN) keeps Mother's Day on 15 August, besides the national one.
  'BE-VAN': [
    {
      id: 'mothers-day-antwerp',
      name: "Mother's Day (Antwerp)",
      rule: { kind: 'fixed', month: 8, day: 15 },
      windowBefore: 7,
      windowAfter: 1,
    },
  ],
  // German Vatertag is Ascension Day (Easter + 39).
  DE: [fathersDay({ kind: 'easter-offset', days: 39 })],
};

/** Countries with hand-written rules beside date-holidays (every country date-holidays knows is accepted). */
export const PRESET_COUNTRIES: readonly string[] = Object.keys(HAND_RULES);

/**
 * The peak events of a country or region, any date-holidays knows (`FR`, `ES`, `PL`, `SE`, `DE-BY`, …;
 * also `BE-VAN`, Antwerp province): Valentine's Day, Black Friday and Christmas everywhere; Mother's
 * and Father's Day from date-holidays' observances of that place (its local dates: the last Sunday of
 * May in France, 26 May in Poland, Mothering Sunday in the UK); then the hand rules of
 * {@link HAND_RULES}. Public-holiday closures come from {@link publicHolidays}.
 * @example eventPresets('GB').find((e) => e.id === 'mothers-day')?.rule // { kind: 'easter-offset', days: -21 }
 * @throws RangeError on a country or region date-holidays does not know.
 */
export function eventPresets(code: string): EventDefinition[] {
  const place = holidayPlace(code);
  const key = place.region ? `${place.country}-${place.region}` : place.country;
  // date-holidays parses its rules on every call (~70 ms for a country); a place's presets never change.
  let presets = presetCache.get(key);
  if (!presets) presetCache.set(key, (presets = presetsOf(place, key)));
  return presets.map((event) => ({ ...event }));
}

const presetCache = new Map<string, readonly EventDefinition[]>();

function presetsOf(place: HolidayPlace, key: string): EventDefinition[] {
  const events: EventDefinition[] = [VALENTINES];
  const mothers = observanceRule(place, "Mother's Day");
  if (mothers) events.push(mothersDay(mothers));
  const fathers = observanceRule(place, "Father's Day");
  if (fathers) events.push(fathersDay(fathers));
  events.push(BLACK_FRIDAY, CHRISTMAS);
  for (const extra of [
    ...(HAND_RULES[place.country] ?? []),
    ...(place.region ? (HAND_RULES[key] ?? []) : []),
  ]) {
    const same = events.findIndex((event) => event.id === extra.id);
    if (same >= 0) events[same] = extra;
    else events.push(extra);
  }
  return events;
}
