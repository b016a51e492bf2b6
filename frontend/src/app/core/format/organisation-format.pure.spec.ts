import {
  DEFAULT_ORGANISATION_FORMAT,
  formatCalendarDate,
  formatEuros,
  formatInstant,
  formatNumber,
  formatPercent,
  organisationLocale,
  organisationTimeZone,
  useOrganisationFormat,
} from './organisation-format';

describe('organisation-format (nl-NL by default)', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatNumber(12345.6)).toBe('12.346');
    expect(formatNumber(1234.56, 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 1, 'en-GB')).toBe('1,234.6');
  });

  it('shows an en dash for a missing or non-finite value, never NaN', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatEuros(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('formats shares as percentages and money as euros', () => {
    expect(formatPercent(0.853)).toBe('85,3%');
    expect(formatEuros(1234.5).replace(/\s/g, ' ')).toBe('€ 1.235');
  });

  it('formats a calendar date without shifting it across a time zone', () => {
    // 14 February 2026 is a Saturday (zaterdag).
    expect(formatCalendarDate('2026-02-14')).toBe('za 14 feb 2026');
    expect(formatCalendarDate('2026-02-14', 'day-month')).toBe('14 feb');
    expect(formatCalendarDate('not a date')).toBe('–');
  });

  it('formats an instant in the organisation time zone', () => {
    // 08:15 UTC is 09:15 in Amsterdam in winter (CET, +01:00).
    expect(formatInstant('2026-02-14T08:15:00Z')).toBe('14 feb 2026, 09:15');
  });

  describe('in the organisation’s own locale and zone, once loaded', () => {
    afterEach(() => useOrganisationFormat(DEFAULT_ORGANISATION_FORMAT));

    it('writes dates, numbers and instants in en-GB and London after switching', () => {
      useOrganisationFormat({ locale: 'en-GB', timeZone: 'Europe/London' });
      expect(organisationLocale()).toBe('en-GB');
      expect(organisationTimeZone()).toBe('Europe/London');
      // 14 February 2026 is a Saturday; en-GB writes the weekday in English and the day before the month.
      expect(formatCalendarDate('2026-02-14')).toBe('Sat, 14 Feb 2026');
      expect(formatNumber(1234.56, 1)).toBe('1,234.6');
      expect(formatPercent(0.853)).toBe('85.3%');
      // 08:15 UTC is 08:15 in London in winter (GMT, +00:00), an hour before Amsterdam's 09:15.
      expect(formatInstant('2026-02-14T08:15:00Z')).toBe('14 Feb 2026, 08:15');
    });

    it('goes back to nl-NL and Amsterdam', () => {
      useOrganisationFormat({ locale: 'en-GB', timeZone: 'Europe/London' });
      useOrganisationFormat(DEFAULT_ORGANISATION_FORMAT);
      expect(formatCalendarDate('2026-02-14')).toBe('za 14 feb 2026');
      expect(formatInstant('2026-02-14T08:15:00Z')).toBe('14 feb 2026, 09:15');
    });
  });
});
