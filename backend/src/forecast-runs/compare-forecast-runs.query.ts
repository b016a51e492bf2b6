import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CompareForecastRunsQuery {
  @ApiProperty({ example: 'uuid-a,uuid-b', description: 'Two or more run ids, comma-separated' })
  @Matches(/^[0-9a-f-]{36}(,[0-9a-f-]{36})+$/i, {
    message: 'ids must be two or more run ids, comma-separated',
  })
  ids!: string;
}
