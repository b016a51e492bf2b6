import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import type { CreateDeflectionScenarioRequest } from '@peakplan/contracts';
import { IsNotBlank } from '../common/not-blank';

/** `?queue=phone&event=valentines&year=2026`. */
export class ContactReasonsQuery {
  @ApiProperty({ example: 'phone', description: 'Queue name (or id)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  queue!: string;

  @ApiProperty({ example: 'valentines', description: 'Event key from the event calendar' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  event!: string;

  @ApiProperty({ example: '2026', description: 'Year of the event window, YYYY (1900 to 9999)' })
  @Matches(/^(19|2\d|[3-9]\d)\d\d$/, { message: 'year must be a year as YYYY, 1900 to 9999' })
  year!: string;
}

export class CreateDeflectionScenarioDto implements CreateDeflectionScenarioRequest {
  @ApiProperty({ example: 'phone' }) @IsString() @IsNotBlank() @MaxLength(200) queue!: string;
  @ApiProperty({ example: 'valentines' }) @IsString() @IsNotBlank() @MaxLength(100) event!: string;
  @ApiProperty({ example: 'order-status' }) @IsString() @IsNotBlank() @MaxLength(200) reason!: string;
  @ApiProperty({ example: 0.3, description: 'Share of the reason that self-service prevents, 0 to 1' })
  @IsNumber()
  @Min(0)
  @Max(1)
  share!: number;
  @ApiPropertyOptional({ example: "Deflect 30% of order-status at Valentine's Day 2027 (phone)" })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;
}
