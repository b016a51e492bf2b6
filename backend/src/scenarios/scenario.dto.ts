import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import type {
  CoreStaffPattern,
  CreateScenarioRequest,
  ScenarioAdjustments,
  UpdateScenarioRequest,
} from '@peakplan/contracts';
import { IsCalendarDate } from '../common/calendar-date';
import { IsNotBlank } from '../common/not-blank';
import { COMMA_SEPARATED_UUIDS } from '../common/uuid-list';

/** Far above any wage, far below where hours times cost stop being a finite number (1e308 gave null costs). */
const MAX_HOURLY_COST = 100_000;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class CoreStaffPatternDto implements CoreStaffPattern {
  @ApiPropertyOptional({ example: 'phone' }) @IsOptional() @IsString() queue?: string;
  @ApiProperty({ example: [1, 2, 3, 4, 5] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @IsIn([0, 1, 2, 3, 4, 5, 6], { each: true })
  weekdays!: number[];
  @ApiProperty({ example: '08:00' }) @Matches(CLOCK, { message: 'from must be HH:MM' }) from!: string;
  @ApiProperty({ example: '17:00' }) @Matches(CLOCK, { message: 'to must be HH:MM' }) to!: string;
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(10000) agents!: number;
}

export class ScenarioAdjustmentsDto implements ScenarioAdjustments {
  @ApiPropertyOptional({ example: 0.1 }) @IsOptional() @IsNumber() @Min(-0.9) @Max(5) volumeUplift?: number;
  @ApiPropertyOptional({ example: { valentines: 0.2 } }) @IsOptional() @IsObject() eventUplift?: Record<
    string,
    number
  >;
  @ApiPropertyOptional({ example: { 'order-status': 0.3 } }) @IsOptional() @IsObject() deflection?: Record<
    string,
    number
  >;
  @ApiPropertyOptional({ example: -0.05 }) @IsOptional() @IsNumber() @Min(-0.9) @Max(5) ahtChange?: number;
  @ApiPropertyOptional({ example: 0.8 })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(0.999)
  serviceLevel?: number;
  @ApiPropertyOptional({ example: 20 }) @IsOptional() @IsInt() @Min(1) @Max(86400 * 7) targetSeconds?: number;
  @ApiPropertyOptional({ example: 0.3 }) @IsOptional() @IsNumber() @Min(0) @Max(0.95) shrinkage?: number;
  @ApiPropertyOptional({ example: 0.85 }) @IsOptional() @IsNumber() @Min(0.3) @Max(1) maxOccupancy?: number;
  @ApiPropertyOptional({ type: [CoreStaffPatternDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CoreStaffPatternDto)
  coreStaff?: CoreStaffPatternDto[];
  @ApiPropertyOptional({ example: 32 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_HOURLY_COST)
  coreHourlyCost?: number;
  @ApiPropertyOptional({ example: 38 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_HOURLY_COST)
  poolHourlyCost?: number;
}

export class CreateScenarioDto implements CreateScenarioRequest {
  @ApiProperty({ example: 'Valentine 2027: +10%' }) @IsString() @IsNotBlank() @MaxLength(120) name!: string;
  @ApiProperty({ description: 'One completed forecast run per queue' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  forecastRunIds!: string[];
  @ApiPropertyOptional({ example: '2027-01-31' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ example: '2027-03-13' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ type: ScenarioAdjustmentsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScenarioAdjustmentsDto)
  adjustments?: ScenarioAdjustmentsDto;
}

export class UpdateScenarioDto implements UpdateScenarioRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotBlank() @MaxLength(120) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ type: ScenarioAdjustmentsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScenarioAdjustmentsDto)
  adjustments?: ScenarioAdjustmentsDto;
}

export class CopyScenarioDto {
  @ApiProperty({ example: 'Valentine 2027: +20%' }) @IsString() @IsNotBlank() @MaxLength(120) name!: string;
}

export class CompareScenariosQuery {
  @ApiProperty({ example: 'uuid-a,uuid-b' })
  @Matches(COMMA_SEPARATED_UUIDS, {
    message: 'ids must be two or more scenario ids, comma-separated',
  })
  ids!: string;
}

export class ScenarioResultQuery {
  @ApiPropertyOptional({ example: 'true', description: 'false: totals and days only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  intervals?: 'true' | 'false';
}

export class CoreStaffQuery {
  @ApiPropertyOptional({ example: 'csv', description: 'csv: the file an upload takes (default json)' })
  @IsOptional()
  @IsIn(['csv', 'json'])
  format?: 'csv' | 'json';
  @ApiPropertyOptional({ example: 'false', description: 'JSON only; false: the summary per queue only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  rows?: 'true' | 'false';
}
