import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, in the organisation's time zone. */
export class DateRangeQuery {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Last day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;
}
