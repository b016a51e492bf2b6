import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxDate,
  MaxLength,
  Min,
  MinDate,
} from 'class-validator';

import { IsCalendarDate } from '../common/calendar-date';
import { IsNotAfterTo } from '../common/date-range.query';

export class AuditListQuery {
  @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ description: 'Part of the email of who did it, any case', example: 'admin@' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;
  @ApiPropertyOptional({ description: 'First day (inclusive), YYYY-MM-DD, in the organisation’s zone' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotAfterTo()
  from?: string;
  @ApiPropertyOptional({ description: 'Last day (inclusive), YYYY-MM-DD, in the organisation’s zone' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  /** ISO timestamp: only events before it (for the next page). Years PostgreSQL keeps, like every date
   * here: -271821-04-20 is a JavaScript date but came back from the database as a 500. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(new Date('1900-01-01T00:00:00Z'), { message: 'before must not be before 1900' })
  @MaxDate(new Date('9999-12-31T23:59:59Z'), { message: 'before must not be after 9999' })
  before?: Date;
  @ApiPropertyOptional({
    description: 'Id of the last event of the previous page: the next page starts right after it',
  })
  @IsOptional()
  @IsUUID()
  beforeId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
