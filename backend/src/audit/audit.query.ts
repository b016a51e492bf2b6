import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditListQuery {
  @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  /** ISO timestamp: only events before it (for the next page). */
  @IsOptional() @Type(() => Date) @IsDate() before?: Date;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
