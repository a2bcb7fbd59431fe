import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertsService } from './alerts.service';
import { AlertsQuery } from './dto/alerts-query.dto';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Alerts, newest first', description: 'Filters: status (pending, suppressed, firing, resolved, cancelled), cluster (id).' })
  list(@Query() query: AlertsQuery) {
    return this.alerts.list({ ...(query.status ? { status: query.status } : {}), ...(query.cluster ? { clusterId: query.cluster } : {}), limit: query.limit, offset: query.offset });
  }
}
