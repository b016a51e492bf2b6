import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '../auth/auth.module';
import { AccountsImportService } from './accounts-import.service';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuthModule],
  controllers: [AccountsController, PeopleController],
  providers: [AccountsService, AccountsImportService, PeopleService],
  exports: [AccountsService, PeopleService],
})
export class AccountsModule {}
