import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, in the organisation's time zone. */
export class DateRangeQuery {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Last day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
