import {
  addDays,
  type EventDefinition,
  dayOfWeek,
  easterSunday,
  eventOccurrences,
  eventPresets,
  publicHolidays,
  resolveEventDates,
  type EventRule,
} from './index';

describe('easterSunday', () => {
  // Published Western (Gregorian) Easter dates: US Naval Observatory / Wikipedia "List of dates for Easter".
  it.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('rejects a bad year', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(/year/);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, leap day and year end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
  it('gives the weekday, 0 = Sunday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // a Thursday
    expect(dayOfWeek('2026-11-24')).toBe(2); // a Tuesday
    expect(dayOfWeek('2000-01-01')).toBe(6); // a Saturday
  });
  it('rejects non-dates with the argument named', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => dayOfWeek('24/11/2026')).toThrow(/date/);
  });
});

describe("Mother's Day per country", () => {
  // NL/BE/US/DE: 2nd Sunday of May. 2024-05-12, 2025-05-11, 2026-05-10 (timeanddate.com).
  it.each(['NL', 'BE', 'US', 'DE'])('%s: 2nd Sunday of May', (country) => {
    const rule = eventPresets(country).find((e) => e.id === 'mothers-day')?.rule as EventRule;
    expect(resolveEventDates(rule, 2024)).toEqual(['2024-05-12']);
    expect(resolveEventDates(rule, 2025)).toEqual(['2025-05-11']);
    expect(resolveEventDates(rule, 2026)).toEqual(['2026-05-10']);
  });
  // UK Mothering Sunday (timeanddate.com): 2024-03-10, 2025-03-30, 2026-03-15.
  it('GB: Easter − 21 days', () => {
    const rule = eventPresets('GB').find((e) => e.id === 'mothers-day')?.rule as EventRule;
    expect(resolveEventDates(rule, 2024)).toEqual(['2024-03-10']);
    expect(resolveEventDates(rule, 2025)).toEqual(['2025-03-30']);
    expect(resolveEventDates(rule, 2026)).toEqual(['2026-03-15']);
  });
  it('Antwerp keeps 15 August as a regional preset', () => {
    const antwerp = eventPresets('BE-VAN').find((e) => e.id === 'mothers-day-antwerp') as EventDefinition;
    expect(resolveEventDates(antwerp.rule, 2026)).toEqual(['2026-08-15']);
    expect(eventPresets('BE').some((e) => e.id === 'mothers-day-antwerp')).toBe(false);
  });
});

describe('rules', () => {
  it('Black Friday is the day after the 4th Thursday of November', () => {
    // Published: 2024-11-29, 2025-11-28, 2026-11-27.
    const rule = eventPresets('US').find((e) => e.id === 'black-friday')?.rule as EventRule;
    expect(resolveEventDates(rule, 2024)).toEqual(['2024-11-29']);
    expect(resolveEventDates(rule, 2025)).toEqual(['2025-11-28']);
    expect(resolveEventDates(rule, 2026)).toEqual(['2026-11-27']);
  });
  it('last weekday, missing 5th weekday, leap day and one-off dates', () => {
    // US Memorial Day = last Monday of May: 2026-05-25.
    expect(resolveEventDates({ kind: 'last-weekday', month: 5, weekday: 1 }, 2026)).toEqual(['2026-05-25']);
    // February 2026 has four Sundays only.
    expect(resolveEventDates({ kind: 'nth-weekday', month: 2, weekday: 0, n: 5 }, 2026)).toEqual([]);
    expect(resolveEventDates({ kind: 'fixed', month: 2, day: 29 }, 2026)).toEqual([]);
    expect(resolveEventDates({ kind: 'fixed', month: 2, day: 29 }, 2028)).toEqual(['2028-02-29']);
    const campaign: EventRule = { kind: 'one-off', dates: ['2026-09-01', '2025-03-03'] };
    expect(resolveEventDates(campaign, 2026)).toEqual(['2026-09-01']);
  });
  it('Good Friday and Easter Monday as Easter offsets', () => {
    expect(resolveEventDates({ kind: 'easter-offset', days: -2 }, 2026)).toEqual(['2026-04-03']);
    expect(resolveEventDates({ kind: 'easter-offset', days: 1 }, 2026)).toEqual(['2026-04-06']);
  });
  it('names the bad field', () => {
    expect(() => resolveEventDates({ kind: 'fixed', month: 13, day: 1 }, 2026)).toThrow(/rule.month/);
    expect(() => resolveEventDates({ kind: 'nth-weekday', month: 5, weekday: 7, n: 2 }, 2026)).toThrow(
      /rule.weekday/,
    );
    expect(() => resolveEventDates({ kind: 'one-off', dates: ['2026-13-01'] }, 2026)).toThrow(
      /rule.dates\[0\]/,
    );
  });
});

describe('presets and occurrences', () => {
  it.each(['NL', 'BE', 'GB', 'US', 'DE'])('%s has the three peaks and Black Friday', (country) => {
    const ids = eventPresets(country).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['valentines', 'mothers-day', 'christmas', 'black-friday']));
  });
  it('rejects an unknown country', () => {
    expect(() => eventPresets('XX')).toThrow(RangeError);
    expect(() => publicHolidays('XX', 2026, 2026)).toThrow(/country/);
  });
  it('lists occurrences sorted by date', () => {
    const dates = eventOccurrences(eventPresets('NL'), 2025, 2026).map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2025-02-14');
    expect(dates).toContain('2026-05-10');
  });
  it('public holidays come from date-holidays', () => {
    const dates = publicHolidays('NL', 2026, 2026).map((o) => o.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-06', '2026-04-27', '2026-12-25']));
  });
});

describe('any country and region date-holidays knows', () => {
  const mothersDay = (code: string, year: number) =>
    eventOccurrences(
      eventPresets(code).filter((event) => event.id === 'mothers-day'),
      year,
      year,
    ).map((o) => o.date);
  // Local Mother's Day, hand-checked against a calendar: France and Sweden the last Sunday of May
  // (31 May 2026; France moves it a week when it meets Pentecost, not in 2026 or 2027), Spain the first
  // Sunday of May (3 May 2026), Poland fixed on 26 May, Italy the second Sunday of May (10 May 2026).
  it.each([
    ['FR', '2026-05-31'],
    ['SE', '2026-05-31'],
    ['ES', '2026-05-03'],
    ['PL', '2026-05-26'],
    ['IT', '2026-05-10'],
  ])('%s: Mother’s Day on its local date (%s)', (code, date) => {
    expect(mothersDay(code, 2026)).toEqual([date]);
  });
  it('tables a date-holidays rule PeakPlan has no rule kind for, and keeps the simple ones as rules', () => {
    expect(eventPresets('FR').find((e) => e.id === 'mothers-day')?.rule.kind).toBe('one-off');
    expect(mothersDay('FR', 2027)).toEqual(['2027-05-30']); // last Sunday of May 2027
    expect(eventPresets('ES').find((e) => e.id === 'mothers-day')?.rule).toEqual({
      kind: 'nth-weekday',
      month: 5,
      weekday: 0,
      n: 1,
    });
  });
  it('keeps hand rules where a peak needs more: Sinterklaas, Vatertag, Antwerp', () => {
    expect(eventPresets('NL').map((e) => e.id)).toContain('sinterklaas');
    expect(eventPresets('DE-BY').find((e) => e.id === 'fathers-day')?.rule).toEqual({
      kind: 'easter-offset',
      days: 39,
    });
    expect(eventPresets('BE-VAN').map((e) => e.id)).toContain('mothers-day-antwerp');
  });
  it('adds a region’s own public holidays (Bavaria: Epiphany, Corpus Christi 4 June 2026)', () => {
    const bavaria = publicHolidays('DE-BY', 2026, 2026).map((o) => o.date);
    const germany = publicHolidays('DE', 2026, 2026).map((o) => o.date);
    expect(bavaria).toEqual(expect.arrayContaining(['2026-01-06', '2026-06-04']));
    expect(germany).not.toContain('2026-01-06');
  });
  it('names an unknown country or region', () => {
    expect(() => eventPresets('NLD')).toThrow(/country is not known to date-holidays: "NLD"/);
    expect(() => eventPresets('FR-ZZ')).toThrow(/region "ZZ" of FR is not known/);
    expect(() => publicHolidays('FR-ZZ', 2026, 2026)).toThrow(/region "ZZ"/);
  });
});
