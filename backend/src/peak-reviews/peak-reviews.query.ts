import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date';

/** `?intervals=false`: totals and days only (the interval rows are most of a review's size). */
export class PeakReviewQuery {
  @ApiPropertyOptional({ example: 'false', description: 'false: totals and days only, no interval rows' })
  @IsOptional()
  @IsIn(['true', 'false'])
  intervals?: 'true' | 'false';

  @ApiPropertyOptional({
    example: 'true',
    description: 'true: compute now from the current actuals and plan, even when a stored review exists',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  fresh?: 'true' | 'false';
}

/** `?from=&to=` (required, local dates inclusive) and optionally one queue. */
export class HindsightQuery {
  @ApiProperty({ example: '2026-02-04', description: 'First day (inclusive), YYYY-MM-DD' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-02-15', description: 'Last day (inclusive), YYYY-MM-DD; at most 92 days' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ description: 'One queue (default every queue)' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ example: 'false', description: 'false: totals and days only, no interval rows' })
  @IsOptional()
  @IsIn(['true', 'false'])
  intervals?: 'true' | 'false';
}
