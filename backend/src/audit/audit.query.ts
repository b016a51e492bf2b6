import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { IsCalendarDate } from '../common/calendar-date';

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
  from?: string;
  @ApiPropertyOptional({ description: 'Last day (inclusive), YYYY-MM-DD, in the organisation’s zone' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  /** ISO timestamp: only events before it (for the next page). */
  @IsOptional() @Type(() => Date) @IsDate() before?: Date;
  @ApiPropertyOptional({
    description: 'Id of the last event of the previous page: the next page starts right after it',
  })
  @IsOptional()
  @IsUUID()
  beforeId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
