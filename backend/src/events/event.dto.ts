import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import type { CreateEventRequest, EventRuleDto, UpdateEventRequest } from '@peakplan/contracts';

import { Given } from '../queues/queue.dto';

/** ISO 3166-1 alpha-2, optionally with a subdivision: `NL`, `BE-VAN`. */
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateEventDto implements CreateEventRequest {
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(KEY, { message: 'must be lower-case letters and digits joined by hyphens, e.g. mothers-day' })
  key?: string;
  @IsString() @Matches(/\S/, { message: 'must not be blank' }) @MaxLength(100) name!: string;
  /** Checked in full by parseEventRule (the shape depends on the kind). */
  @IsDefined() rule!: EventRuleDto;
  @IsInt() @Min(0) @Max(60) windowBefore!: number;
  @IsInt() @Min(0) @Max(60) windowAfter!: number;
  @IsOptional()
  @IsString()
  @Matches(REGION, { message: 'must be an ISO 3166 code such as NL or BE-VAN' })
  region?: string | null;
}

export class UpdateEventDto implements UpdateEventRequest {
  @Given() @IsString() @Matches(/\S/, { message: 'must not be blank' }) @MaxLength(100) name?: string;
  @Given() @IsDefined() rule?: EventRuleDto;
  @Given() @IsInt() @Min(0) @Max(60) windowBefore?: number;
  @Given() @IsInt() @Min(0) @Max(60) windowAfter?: number;
  @IsOptional()
  @IsString()
  @Matches(REGION, { message: 'must be an ISO 3166 code such as NL or BE-VAN' })
  region?: string | null;
}

export class ListEventsQuery {
  /** `true` lists retired events too. */
  @IsOptional() @Matches(/^(true|false)$/, { message: 'must be true or false' }) includeRetired?: string;
}

/** `Mother's Day` → `mothers-day`; accents dropped. */
export function keyFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
