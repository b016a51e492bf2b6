import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength } from 'class-validator';

/** `POST /api/history/imports?skipInvalidRows=true&fileName=…` */
export class ImportHistoryQuery {
  @ApiPropertyOptional({
    example: 'false',
    description:
      'true: import the good rows and report the bad ones; false (default): refuse a file with bad rows',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'skipInvalidRows must be true or false' })
  skipInvalidRows?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'history-2026-02.csv', description: 'Name shown in the import list' })
  @IsOptional()
  @MaxLength(200)
  fileName?: string;
}
