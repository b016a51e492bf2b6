import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import type {
  CreatePoolShiftRequest,
  PoolDecisionRequest,
  PoolMemberState,
  PoolShiftStatus,
  PublishPlanRequest,
  SetDepartmentCapRequest,
  SetSkillsRequest,
  ShiftAllocation,
  UpdateAvailabilityRequest,
  UpdatePoolShiftRequest,
  WeeklyAvailability,
} from '@peakplan/contracts';
import { IsCalendarDate } from '../common/calendar-date';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WINDOW_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ALLOCATIONS: ShiftAllocation[] = ['first-come', 'preference'];
const INSTANT = { strict: true, strictSeparator: true };

export class CreatePoolShiftDto implements CreatePoolShiftRequest {
  @ApiProperty({ example: '2027-02-13' })
  @IsCalendarDate()
  date!: string;
  @ApiProperty({ example: '09:00' }) @Matches(CLOCK, { message: 'start must be HH:mm' }) start!: string;
  @ApiProperty({ example: '13:00' }) @Matches(CLOCK, { message: 'end must be HH:mm' }) end!: string;
  @ApiProperty({ example: 'phone' }) @IsString() @MinLength(1) @MaxLength(100) skill!: string;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(10_000) places!: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsInt() @Min(0) @Max(240) breakMinutes?: number;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() remote?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) signUpOpensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) signUpClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) withdrawalCutoffAt?: string;
  @ApiPropertyOptional({ enum: ALLOCATIONS }) @IsOptional() @IsIn(ALLOCATIONS) allocation?: ShiftAllocation;
  @ApiPropertyOptional({ example: 'Valentine 2027' }) @IsOptional() @IsString() @MaxLength(100) peak?:
    string | null;
}

export class PublishPlanDto implements PublishPlanRequest {
  @ApiPropertyOptional({ description: 'Draft shift ids of the plan; default all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  draftShiftIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) signUpOpensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) signUpClosesAt?: string;
  @ApiPropertyOptional({ enum: ALLOCATIONS }) @IsOptional() @IsIn(ALLOCATIONS) allocation?: ShiftAllocation;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() remote?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) peak?: string | null;
}

export class UpdatePoolShiftDto implements UpdatePoolShiftRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  date?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(CLOCK, { message: 'start must be HH:mm' }) start?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(CLOCK, { message: 'end must be HH:mm' }) end?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) breakMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10_000) places?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) signUpClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(INSTANT) withdrawalCutoffAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() moveLastConfirmedToWaitlist?: boolean;
}

export class ShiftListQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'open', 'closed', 'cancelled'] })
  @IsOptional()
  @IsIn(['upcoming', 'open', 'closed', 'cancelled'])
  status?: PoolShiftStatus;
}

export class MemberListQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'refused', 'left'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'refused', 'left'])
  state?: PoolMemberState;
}

export class WeeklyAvailabilityDto implements WeeklyAvailability {
  @ApiProperty({ example: 1, description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;
  @ApiProperty({ example: '09:00' }) @Matches(WINDOW_CLOCK, { message: 'from must be HH:mm' }) from!: string;
  @ApiProperty({ example: '17:00' }) @Matches(WINDOW_CLOCK, { message: 'to must be HH:mm' }) to!: string;
}

export class UpdateAvailabilityDto implements UpdateAvailabilityRequest {
  @ApiPropertyOptional({ type: [WeeklyAvailabilityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyAvailabilityDto)
  weeklyAvailability?: WeeklyAvailabilityDto[];
  @ApiPropertyOptional({ example: ['2027-02-14'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsCalendarDate({ each: true })
  datesOff?: string[];
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.25) @Max(168) maxHoursPerWeek?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.25) @Max(10_000) maxHoursPerPeak?: number | null;
}

export class SkillTrainingDto {
  @ApiProperty({ example: 'phone' }) @IsString() @MinLength(1) @MaxLength(100) skill!: string;
  @ApiPropertyOptional({ example: '2026-10-01' })
  @IsOptional()
  @IsCalendarDate()
  trainedOn?: string | null;
  @ApiPropertyOptional({ example: '2027-10-01' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}

export class SetSkillsDto implements SetSkillsRequest {
  @ApiProperty({ type: [SkillTrainingDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SkillTrainingDto)
  skills!: SkillTrainingDto[];
}

export class PoolDecisionDto implements PoolDecisionRequest {
  @ApiProperty({ enum: ['approved', 'refused'] }) @IsIn(['approved', 'refused']) decision!:
    'approved' | 'refused';
}

export class SetDepartmentCapDto implements SetDepartmentCapRequest {
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) maxPeople?: number | null;
  @ApiPropertyOptional({ example: 0.2 }) @IsOptional() @IsNumber() @Min(0) @Max(1) maxShare?: number | null;
}
