/* `peakplan events --country CC --year YYYY`: the event dates (with windows) and public-holiday
 * closure candidates the engine uses for that country and year. */
import { eventPresets, publicHolidays, resolveEventDates } from '../../calendar';
import { CliUsageError } from '../cli-usage-error';
import { numberOption, requireOption } from '../parse-args';

export async function run(options: Map<string, string>): Promise<unknown> {
  const country = requireOption(options, 'country').toUpperCase();
  const year = numberOption(options, 'year');
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new CliUsageError(`--year must be an integer year in 1583..9999, got "${options.get('year')}"`);
  let presets;
  try {
    presets = eventPresets(country);
  } catch (error) {
    throw new CliUsageError(`--country: ${(error as Error).message}`);
  }
  const events = presets.flatMap((event) =>
    resolveEventDates(event.rule, year).map((date) => ({
      id: event.id,
      name: event.name,
      date,
      windowBefore: event.windowBefore,
      windowAfter: event.windowAfter,
      rule: event.rule,
    })),
  );
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const closures = publicHolidays(country, year, year).map(({ name, date }) => ({ name, date }));
  return { country, year, events, publicHolidays: closures };
}
