import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CollectorsService } from '../collectors/collectors.service';
import { ShutdownState } from '../common/shutdown-state';
import { HealthRepository } from './health.repository';
import { Access } from '../auth/access.decorator';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';

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
  @ApiOperation({
    summary:
      'Readiness: the database answers and a collector of this replica is watching its cluster. Anonymous callers (probes) get the verdict and each cluster\'s health only; a signed-in caller also gets the replica, the database and each cluster\'s status and reason',
  })
  async ready(@Res({ passthrough: true }) response: Response, @OptionalPrincipal() principal: Principal | undefined) {
    if (this.shutdown.isStopping) {
      response.status(503);
      return principal ? { status: 'shutting-down', replica: this.collectors.replicaId } : { status: 'shutting-down' };
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
    const status = ready ? 'ready' : 'not-ready';
    // Probes carry no credentials: they learn nothing but the verdict. Reasons (written by
    // Palisade, never a remote server's text) are for signed-in callers.
    if (!principal) return { status, clusters: clusters.map((c) => ({ name: c.name, healthy: c.healthy })) };
    return { status, replica: this.collectors.replicaId, database, clusters };
  }
}
