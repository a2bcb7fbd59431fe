import { Module } from '@nestjs/common';
import { CollectorsModule } from '../collectors/collectors.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

@Module({
  imports: [CollectorsModule],
  controllers: [HealthController],
  providers: [HealthRepository],
})
export class HealthModule {}
