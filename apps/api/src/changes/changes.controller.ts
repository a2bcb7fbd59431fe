import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { ChangesQuery } from './dto/changes-query.dto';
import { ChangesService } from './changes.service';
import { Access } from '../auth/access.decorator';

@ApiTags('changes')
@Access('viewer')
@Controller('clusters/:id/changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @ApiOperation({ summary: 'Change events, newest first', description: 'Filters: since, until (ISO 8601), kind (comma-separated), namespace.' })
  list(@Param() params: ClusterParams, @Query() query: ChangesQuery) {
    return this.changes.list(params.id, {
      ...(query.since ? { since: new Date(query.since) } : {}),
      ...(query.until ? { until: new Date(query.until) } : {}),
      ...(query.kind ? { kinds: query.kind } : {}),
      ...(query.namespace ? { namespace: query.namespace } : {}),
      limit: query.limit,
      offset: query.offset,
    });
  }
}
