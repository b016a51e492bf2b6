import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Matches,
  ValidateIf,
} from 'class-validator';

import type { CreateQueueRequest, QueueKind, UpdateQueueRequest } from '@peakplan/contracts';

const QUEUE_KINDS: QueueKind[] = ['live', 'deferred'];
/** A day: no answer or handling target of a contact centre is longer. */
const SECONDS_PER_DAY = 86_400;

/** Validates a field that was sent, null included: only an absent field is left alone. */
export const Given = () => ValidateIf((_object, value) => value !== undefined);

/** The fields create and update share; the database's checks say the same (initial schema). */
class QueueFieldsDto {
  @IsString() @Matches(/\S/, { message: 'must not be blank' }) @MaxLength(100) name!: string;
  @IsIn(QUEUE_KINDS, { message: `must be one of ${QUEUE_KINDS.join(', ')}` }) kind!: QueueKind;
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(0.99)
  serviceLevelTarget!: number;
  @IsInt() @Min(1) @Max(7 * SECONDS_PER_DAY) targetSeconds!: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(SECONDS_PER_DAY) ahtSeconds!: number;
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(SECONDS_PER_DAY)
  patienceSeconds?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(10) concurrency?: number;
  @IsOptional() @IsInt() @Min(1) @Max(90) repeatWindowDays?: number;
}

export class CreateQueueDto extends QueueFieldsDto implements CreateQueueRequest {
  @IsOptional() @IsIn([15, 30, 60], { message: 'must be 15, 30 or 60' }) intervalMinutes?: 15 | 30 | 60;
}

export class UpdateQueueDto implements UpdateQueueRequest {
  @Given() @IsString() @Matches(/\S/, { message: 'must not be blank' }) @MaxLength(100) name?: string;
  @Given() @IsIn(QUEUE_KINDS, { message: `must be one of ${QUEUE_KINDS.join(', ')}` }) kind?: QueueKind;
  @Given()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(0.99)
  serviceLevelTarget?: number;
  @Given() @IsInt() @Min(1) @Max(7 * SECONDS_PER_DAY) targetSeconds?: number;
  @Given()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(SECONDS_PER_DAY)
  ahtSeconds?: number;
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(SECONDS_PER_DAY)
  patienceSeconds?: number | null;
  @Given() @IsInt() @Min(1) @Max(10) concurrency?: number;
  @Given() @IsInt() @Min(1) @Max(90) repeatWindowDays?: number;
}

export class ListQueuesQuery {
  /** `true` lists retired queues too. */
  @IsOptional() @IsIn(['true', 'false']) includeRetired?: 'true' | 'false';
}
