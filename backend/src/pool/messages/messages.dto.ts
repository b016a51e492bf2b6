import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';

import {
  POOL_MESSAGE_KINDS,
  type PoolMessageKind,
  type UpdateNotificationSettingsRequest,
} from '@peakplan/contracts';

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiProperty({ enum: POOL_MESSAGE_KINDS, isArray: true, example: ['window-opening'] })
  @IsArray()
  @ArrayMaxSize(POOL_MESSAGE_KINDS.length * 2)
  @IsIn(POOL_MESSAGE_KINDS, {
    each: true,
    message: `each of off must be one of ${POOL_MESSAGE_KINDS.join(', ')}`,
  })
  off!: PoolMessageKind[];
}
