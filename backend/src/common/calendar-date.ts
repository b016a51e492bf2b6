import { ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/**
 * True for a real day written YYYY-MM-DD, from 1900 to 9999: a pattern alone let 2026-02-30 and year 0
 * through, which PostgreSQL then refused with a 500.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no clock change can shift it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The shared rule for every date in a body or query string: a real calendar day as YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a real calendar date as YYYY-MM-DD (years ${FIRST_YEAR} to ${LAST_YEAR})`,
      },
    },
    options,
  );
}
