import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CollectorsService } from '../collectors/collectors.service';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly repository: HealthRepository,
    private readonly collectors: CollectorsService,
  ) {}

  // Public by design (probes); every other route joins the access rules when sign-in lands.
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and a collector is watching its cluster (per-cluster state in the body)' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const database = (await this.repository.databaseAnswers()) ? 'ok' : 'down';
    const clusters = this.collectors.list().map((c) => ({ name: c.name, healthy: c.collector.isHealthy(), ...c.collector.currentState() }));
    // One unreachable cluster of several does not take the dashboard of the others down.
    const ready = database === 'ok' && (clusters.length === 0 || clusters.some((c) => c.healthy));
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', database, clusters };
  }
}
