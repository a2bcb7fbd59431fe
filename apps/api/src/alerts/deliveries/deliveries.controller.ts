import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesQuery } from './dto/deliveries-query.dto';
import { Access } from '../../auth/access.decorator';

@ApiTags('alerts')
@Access('viewer')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log: notifications per channel with every attempt', description: 'Filters: channel (id or "default"), alert (id), status (pending, delivered, failed).' })
  list(@Query() query: DeliveriesQuery) {
    return this.deliveries.list({ ...(query.channel ? { channelId: query.channel } : {}), ...(query.alert ? { alertId: query.alert } : {}), ...(query.status ? { status: query.status } : {}), limit: query.limit, offset: query.offset });
  }
}
