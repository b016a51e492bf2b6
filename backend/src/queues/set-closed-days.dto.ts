import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject } from 'class-validator';

import type { ClosedDayRule, SetQueueClosedDaysRequest } from '@peakplan/contracts';

/** The shape only; each rule's contents are checked by the calendar engine (see QueuesService). */
export class SetClosedDaysDto implements SetQueueClosedDaysRequest {
  @ApiProperty({
    description: 'Closed days as event date rules; replaces the queue’s closed days.',
    example: [
      { kind: 'fixed', month: 12, day: 24 },
      { kind: 'easter-offset', days: 1 },
    ],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each closed day must be an event rule object' })
  closedDays!: ClosedDayRule[];
}
