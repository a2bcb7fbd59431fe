import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CollectorsService } from '../collectors/collectors.service';
import { ShutdownState } from '../common/shutdown-state';
import { HealthRepository } from './health.repository';
import { Access } from '../auth/access.decorator';

@ApiTags('health')
@Access('public')
@Controller()
export class HealthController {
  constructor(
    private readonly repository: HealthRepository,
    private readonly collectors: CollectorsService,
    private readonly shutdown: ShutdownState,
  ) {}

  // Public by design: probes carry no credentials, and neither answer names anything secret.
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and a collector of this replica is watching its cluster (per-cluster state in the body; collecting: false where another replica collects it)' })
  async ready(@Res({ passthrough: true }) response: Response) {
    if (this.shutdown.isStopping) {
      response.status(503);
      return { status: 'shutting-down', replica: this.collectors.replicaId };
    }
    const database = (await this.repository.databaseAnswers()) ? 'ok' : 'down';
    // A replica reports the collectors it runs; the others are collected by another replica.
    const clusters = this.collectors.list().map((c) =>
      this.collectors.owns(c.id)
        ? { name: c.name, collecting: true, healthy: c.collector.isHealthy(), ...c.collector.currentState() }
        : { name: c.name, collecting: false, healthy: false },
    );
    const collecting = clusters.filter((c) => c.collecting);
    // One unreachable cluster of several does not take the dashboard of the others down, and a
    // replica that collects nothing still serves the API from the database.
    const ready = database === 'ok' && (collecting.length === 0 || collecting.some((c) => c.healthy));
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', replica: this.collectors.replicaId, database, clusters };
  }
}
