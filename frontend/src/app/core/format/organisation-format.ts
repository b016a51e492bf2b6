/**
 * Numbers and dates as the organisation writes them, in its locale and time zone. The organisation's
 * own come from the API (`OrganisationSettings` loads them at sign-in and passes them to
 * `useOrganisationFormat`); until then, and in pure specs, the defaults of docs/domain.md apply:
 * nl-NL and Europe/Amsterdam. Pure (Intl only), so its spec runs under plain jest.
 */
export interface OrganisationFormat {
  locale: string;
  timeZone: string;
}

export const DEFAULT_ORGANISATION_FORMAT: Readonly<OrganisationFormat> = {
  locale: 'nl-NL',
  timeZone: 'Europe/Amsterdam',
};

let organisationFormat: Readonly<OrganisationFormat> = DEFAULT_ORGANISATION_FORMAT;

/** From now on every format without an explicit locale or zone uses these. */
export function useOrganisationFormat(format: OrganisationFormat): void {
  organisationFormat = { locale: format.locale, timeZone: format.timeZone };
}

/** The organisation's locale, e.g. `nl-NL`. */
export function organisationLocale(): string {
  return organisationFormat.locale;
}

/** The organisation's IANA time zone, e.g. `Europe/Amsterdam`. */
export function organisationTimeZone(): string {
  return organisationFormat.timeZone;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions, locale: string): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `12345.6` → `12.346` (nl-NL); a missing value is an en dash, never `NaN`. */
export function formatNumber(
  value: number | null | undefined,
  fractionDigits = 0,
  locale = organisationLocale(),
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(
    { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    locale,
  ).format(value);
}

/** A share 0..1 as a percentage: `0.853` → `85,3%` (nl-NL). */
export function formatPercent(
  share: number | null | undefined,
  fractionDigits = 1,
  locale = organisationLocale(),
): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return numberFormat(
    { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    locale,
  ).format(share);
}

/** Euros: `1234.5` → `€ 1.235` (nl-NL). */
export function formatEuros(value: number | null | undefined, locale = organisationLocale()): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }, locale).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date `YYYY-MM-DD` in words: `2026-02-14` → `za 14 feb 2026` (nl-NL). */
export function formatCalendarDate(
  isoDate: string,
  style: 'long' | 'short' | 'day-month' = 'long',
  locale = organisationLocale(),
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return '–';
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : style === 'short'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  // A calendar date has no time zone: read it as UTC midnight and format it in UTC.
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A date format that writes in the organisation's locale as it is when called (not when created), for
 * charts that keep their formats in constants: `localeDateFormat({ month: 'short' }).format(date)`.
 */
export function localeDateFormat(options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
  const key = JSON.stringify(options);
  return {
    format: (date) => {
      const cacheKey = `${organisationLocale()}|custom|${key}`;
      let format = dateFormats.get(cacheKey);
      if (!format) {
        format = new Intl.DateTimeFormat(organisationLocale(), options);
        dateFormats.set(cacheKey, format);
      }
      return format.format(date);
    },
  };
}

/** An instant (ISO with offset) as date and time in the organisation's zone: `14 feb 2026, 09:15`. */
export function formatInstant(
  isoInstant: string,
  locale = organisationLocale(),
  timeZone = organisationTimeZone(),
): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}
