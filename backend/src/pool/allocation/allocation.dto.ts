import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import type {
  AllocationPin,
  CreateAllocationRequest,
  SetAllocationPinsRequest,
  SetPreferenceRequest,
  ShiftPreference,
} from '@peakplan/contracts';

const PREFERENCES: ShiftPreference[] = ['want', 'can', 'none'];

export class SetPreferenceDto implements SetPreferenceRequest {
  @ApiProperty({ enum: PREFERENCES, example: 'want' })
  @IsIn(PREFERENCES)
  preference!: ShiftPreference;
  @ApiPropertyOptional({ example: 1, description: 'Rank among my wants, 1 first (want only).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  rank?: number | null;
}

export class CreateAllocationDto implements CreateAllocationRequest {
  @ApiProperty({ type: [String], example: ['7d8f…'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  shiftIds!: string[];
}

export class AllocationPinDto implements AllocationPin {
  @ApiProperty() @IsUUID() shiftId!: string;
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty({ enum: ['in', 'out'] }) @IsIn(['in', 'out']) pin!: 'in' | 'out';
}

export class SetAllocationPinsDto implements SetAllocationPinsRequest {
  @ApiProperty({ type: [AllocationPinDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AllocationPinDto)
  pins!: AllocationPinDto[];
}
