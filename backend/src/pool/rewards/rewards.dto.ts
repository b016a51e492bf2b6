import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import type { CancelRedemptionRequest, CreateRewardRequest, UpdateRewardRequest } from '@peakplan/contracts';
import { IsNotBlank } from '../../common/not-blank';

export class CreateRewardDto implements CreateRewardRequest {
  @ApiProperty({ example: 'Gift voucher €25' }) @IsString() @IsNotBlank() @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string | null;
  @ApiProperty({ example: 250 }) @IsInt() @Min(1) @Max(1_000_000) price!: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) @Max(1_000_000) stock!: number;
}

export class UpdateRewardDto implements UpdateRewardRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotBlank() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) price?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) stock?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CancelRedemptionDto implements CancelRedemptionRequest {
  @ApiPropertyOptional({ example: 'Out of stock at the supplier' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}
