import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsCalendarDate, isCalendarDate } from './calendar-date';

/**
 * `from` is not after `to` when both are given. One rule for every route that reads the range: the
 * accuracy and interval answers of a forecast run used to take `from` after `to` and answer an empty
 * period, while the daily history refused it without naming the field.
 */
export function IsNotAfterTo(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotAfterTo',
    validator: {
      validate: (from: unknown, args) => {
        const to = (args?.object as { to?: unknown } | undefined)?.to;
        return !isCalendarDate(from) || !isCalendarDate(to) || from <= to;
      },
      defaultMessage: (args) =>
        `must not be after to (${String((args?.object as { to?: unknown } | undefined)?.to)})`,
    },
  });
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, in the organisation's time zone. */
export class DateRangeQuery {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotAfterTo()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Last day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
