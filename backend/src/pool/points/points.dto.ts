import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import type {
  ContinuityRequest,
  GrantPointsRequest,
  MarkAttendanceRequest,
  PointsWeights,
} from '@peakplan/contracts';
import { IsNotBlank } from '../../common/not-blank';

export class MarkAttendanceDto implements MarkAttendanceRequest {
  @ApiProperty({ enum: ['worked', 'no-show'] })
  @IsIn(['worked', 'no-show'], { message: 'status must be worked or no-show' })
  status!: 'worked' | 'no-show';
  @ApiPropertyOptional({ example: 4, description: "The manager's rating of a worked shift, 1–5" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number | null;
}

export class GrantPointsDto implements GrantPointsRequest {
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty({ example: 25 }) @IsInt() @Min(1) @Max(10_000) points!: number;
  @ApiProperty({ example: 'Year-end push: three extra evenings' })
  @IsString()
  @IsNotBlank()
  @MinLength(3)
  @MaxLength(300)
  reason!: string;
  @ApiPropertyOptional({ example: 'Christmas 2026' }) @IsOptional() @IsString() @MaxLength(100) peak?:
    string | null;
}

export class PointsWeightsDto implements PointsWeights {
  @ApiProperty({ example: 10 }) @IsNumber() @Min(0) @Max(1000) pointsPerHour!: number;
  @ApiProperty({ example: 1 }) @IsNumber() @Min(0) @Max(10) critical!: number;
  @ApiProperty({ example: 0.5 }) @IsNumber() @Min(0) @Max(10) evening!: number;
  @ApiProperty({ example: 0.5 }) @IsNumber() @Min(0) @Max(10) weekend!: number;
  @ApiProperty({ example: 1 }) @IsNumber() @Min(0) @Max(10) eventDay!: number;
  @ApiProperty({ example: 5 }) @IsNumber() @Min(0) @Max(1000) trainingCurrent!: number;
  @ApiProperty({ example: 5 }) @IsNumber() @Min(0) @Max(1000) reliable!: number;
  @ApiProperty({ example: 2 }) @IsNumber() @Min(0) @Max(1000) ratingPerStar!: number;
  @ApiProperty({ example: 50 }) @IsNumber() @Min(0) @Max(100_000) continuity!: number;
}

export class MemberPointsQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;
  @ApiPropertyOptional({ example: 'Christmas 2026' }) @IsOptional() @IsString() @MaxLength(100) peak?: string;
}

export class ContinuityDto implements ContinuityRequest {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(1900) @Max(9999) year!: number;
}
