import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MetricsService } from './metrics.service';
import { Access } from '../auth/access.decorator';

@ApiTags('health')
@Access('viewer')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  // Any API token (a viewer one is enough): Prometheus sends it as a bearer credential.
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: scores, collectors, snapshots, alert deliveries, process (text exposition format)' })
  async metricsText(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
