import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertsService } from './alerts.service';
import { AlertsQuery } from './dto/alerts-query.dto';
import { Access } from '../auth/access.decorator';
import { Audited } from '../auth/audit/audited.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UuidParams } from './dto/id-params.dto';

@ApiTags('alerts')
@Access('viewer')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Alerts, newest first', description: 'Filters: status (pending, suppressed, firing, resolved, cancelled), cluster (id).' })
  list(@Query() query: AlertsQuery) {
    return this.alerts.list({ ...(query.status ? { status: query.status } : {}), ...(query.cluster ? { clusterId: query.cluster } : {}), limit: query.limit, offset: query.offset });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Access('operator')
  @Audited('alert.acknowledged', 'alert')
  @ApiOperation({ summary: 'Acknowledge an alert: records who saw it and when (it keeps firing until resolved)' })
  acknowledge(@Param() params: UuidParams, @CurrentPrincipal() by: Principal) {
    return this.alerts.acknowledge(params.id, by.name);
  }
}
