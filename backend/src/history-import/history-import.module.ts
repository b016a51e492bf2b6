import { Module } from '@nestjs/common';

import { OrganisationsModule } from '../organisations/organisations.module';
import { HistoryImportController } from './history-import.controller';
import { HistoryImportService } from './history-import.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [HistoryImportController],
  providers: [HistoryImportService],
  exports: [HistoryImportService],
})
export class HistoryImportModule {}
