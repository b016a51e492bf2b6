import { IsBoolean } from 'class-validator';

import type { SetEventClosedRequest } from '@peakplan/contracts';

export class SetEventClosedDto implements SetEventClosedRequest {
  @IsBoolean() closed!: boolean;
}
