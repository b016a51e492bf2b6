import { Module } from '@nestjs/common';

import { AuditModule } from '../../audit/audit.module';
import { RewardsController } from './rewards.controller';
import { RewardsService } from './rewards.service';

/** The rewards catalogue and redemptions of points. */
@Module({
  imports: [AuditModule],
  controllers: [RewardsController],
  providers: [RewardsService],
})
export class PoolRewardsModule {}
