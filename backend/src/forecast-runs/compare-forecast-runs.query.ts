import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import { COMMA_SEPARATED_UUIDS } from '../common/uuid-list';

export class CompareForecastRunsQuery {
  @ApiProperty({ example: 'uuid-a,uuid-b', description: 'Two or more run ids, comma-separated' })
  @Matches(COMMA_SEPARATED_UUIDS, {
    message: 'ids must be two or more run ids, comma-separated',
  })
  ids!: string;
}
