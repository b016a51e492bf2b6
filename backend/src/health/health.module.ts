import { Module } from '@nestjs/common';

import { DemoPreparation } from '../demo/demo-preparation';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [DemoPreparation], exports: [DemoPreparation] })
export class HealthModule {}
