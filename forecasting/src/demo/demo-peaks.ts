import { dayOfWeek, daysBetween, eventOccurrences, eventPresets, type IsoDate } from '../calendar';
import { mulberry32 } from '../forecast/seeded-random';

/** The three peaks of the demo organisation (NL): dates from the calendar engine, sizes varying by year. */
export interface DemoPeakYear {
  valentines: IsoDate;
  mothersDay: IsoDate;
  christmas: IsoDate;
  /** Extra demand at the top of each peak, as a share of an ordinary day (1.8 = 2.8× the usual volume). */
  valentinesSize: number;
  mothersDaySize: number;
  christmasSize: number;
}

export function demoPeakYears(fromYear: number, toYear: number, seed: number): Map<number, DemoPeakYear> {
  const wanted = new Set(['valentines', 'mothers-day', 'christmas']);
  const occurrences = eventOccurrences(
    eventPresets('NL').filter((event) => wanted.has(event.id)),
    fromYear,
    toYear,
  );
  const years = new Map<number, DemoPeakYear>();
  for (let year = fromYear; year <= toYear; year++) {
    const random = mulberry32(seed * 7919 + year);
    const dateOf = (id: string) =>
      occurrences.find((o) => o.eventId === id && o.date.startsWith(`${year}-`))!.date;
    years.set(year, {
      valentines: dateOf('valentines'),
      mothersDay: dateOf('mothers-day'),
      christmas: dateOf('christmas'),
      valentinesSize: 1.5 + 0.8 * random(),
      mothersDaySize: 1.1 + 0.6 * random(),
      christmasSize: 0.9 + 0.6 * random(),
    });
  }
  return years;
}

export interface DayShape {
  /** Multiplier on an ordinary day's volume. */
  factor: number;
  /** Closed by design (no contacts on live queues). */
  holidayClosure: boolean;
  /** Inside a peak build-up: the intraday curve leans to the morning. */
  peakDay: boolean;
}

/**
 * How the peaks bend one day. Valentine's builds up over ten days to the eve (the Friday when the 14th
 * falls on a Saturday, Sunday or Monday: flowers and cards must arrive by then); Mother's Day (a Sunday) builds to the
 * Friday before; Christmas builds through December and collapses from the 24th, closed 25/26 Dec and 1 Jan.
 */
export function dayShape(date: IsoDate, peaks: DemoPeakYear): DayShape {
  let factor = 1;
  const toValentines = daysBetween(date, peaks.valentines);
  const valentinesWeekday = dayOfWeek(peaks.valentines);
  // The top is the last weekday before the 14th: Friday when it falls on a Saturday, Sunday or Monday.
  const valentinesTop = ({ 0: 2, 1: 3, 6: 1 } as Record<number, number>)[valentinesWeekday] ?? 1;
  if (toValentines >= 0 && toValentines <= 10) {
    const closeness = Math.max(0, 1 - Math.abs(toValentines - valentinesTop) / 9);
    factor += peaks.valentinesSize * closeness ** 2 * (toValentines === 0 ? 0.5 : 1);
  } else if (toValentines === -1) factor += 0.25 * peaks.valentinesSize;

  const toMothersDay = daysBetween(date, peaks.mothersDay);
  if (toMothersDay >= 1 && toMothersDay <= 7) {
    factor += peaks.mothersDaySize * (1 - Math.abs(toMothersDay - 2) / 6) ** 2;
  } else if (toMothersDay === 0 || toMothersDay === -1) factor += 0.3 * peaks.mothersDaySize;

  const toChristmas = daysBetween(date, peaks.christmas);
  if (toChristmas >= 3 && toChristmas <= 24) factor += peaks.christmasSize * ((24 - toChristmas) / 21) ** 1.5;
  else if (toChristmas >= 1 && toChristmas <= 2) factor *= 0.7 + 0.3 * toChristmas;
  else if (toChristmas <= -2 && toChristmas >= -6) factor *= 0.75;

  const monthDay = date.slice(5);
  const holidayClosure = monthDay === '12-25' || monthDay === '12-26' || monthDay === '01-01';
  const peakDay = factor > 1.3;
  return { factor, holidayClosure, peakDay };
}
