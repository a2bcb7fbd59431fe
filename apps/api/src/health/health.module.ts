import { Module } from '@nestjs/common';
import { CollectorsModule } from '../collectors/collectors.module';
import { HealthController } from './health.controller';

@Module({
  imports: [CollectorsModule],
  controllers: [HealthController],
})
export class HealthModule {}
