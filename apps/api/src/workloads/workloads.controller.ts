import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { WorkloadsQuery } from './dto/workloads-query.dto';
import { WorkloadsService } from './workloads.service';
import { Access } from '../auth/access.decorator';

@ApiTags('workloads')
@Access('viewer')
@Controller('clusters/:id/workloads')
export class WorkloadsController {
  constructor(private readonly workloads: WorkloadsService) {}

  @Get()
  @ApiOperation({
    summary: 'Workloads of the latest snapshot with their isolation, reach and score',
    description: 'Filters: unprotected, exposed, namespace, q (text in name or namespace); sort: score, name, namespace, reachableFrom (prefix - for descending).',
  })
  list(@Param() params: ClusterParams, @Query() query: WorkloadsQuery) {
    return this.workloads.list(params.id, query);
  }
}
