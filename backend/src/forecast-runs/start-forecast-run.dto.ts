import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

import type { StartForecastRunRequest } from '@peakplan/contracts';
import { IsCalendarDate } from '../common/calendar-date';

export class StartForecastRunDto implements StartForecastRunRequest {
  @ApiPropertyOptional({ description: 'One queue; every queue when left out' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({
    example: '2022-01-01',
    description: 'First training day (default: first history day)',
  })
  @IsOptional()
  @IsCalendarDate()
  trainingFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Last training day (default: yesterday)' })
  @IsOptional()
  @IsCalendarDate()
  trainingTo?: string;

  @ApiPropertyOptional({ example: 90, minimum: 1, maximum: 730 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  horizonDays?: number;

  @ApiPropertyOptional({
    example: 'NL',
    description:
      'Public holidays and event presets (default: the organisation): any country or region date-holidays knows, e.g. FR, ES, DE-BY',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/, {
    message: 'country must be a two-letter country code, optionally with a region (DE-BY)',
  })
  country?: string;

  @ApiPropertyOptional({ example: 15, enum: [15, 30, 60] })
  @IsOptional()
  @IsIn([15, 30, 60])
  intervalMinutes?: number;

  @ApiPropertyOptional({ example: 28, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  leadDays?: number;
}
