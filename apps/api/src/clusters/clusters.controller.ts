import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClusterParams, PageQuery } from './dto/cluster-params.dto';
import { ClustersService } from './clusters.service';
import { Access } from '../auth/access.decorator';

@ApiTags('clusters')
@Access('viewer')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Get()
  @ApiOperation({ summary: 'Watched clusters with their collector status and score' })
  @ApiOkResponse({ description: '{ items: [{ id, name, source, status, statusReason?, score, lastSnapshotAt }], total }' })
  list(@Query() query: PageQuery) {
    return this.clusters.list(query.limit, query.offset);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cluster' })
  get(@Param() params: ClusterParams) {
    return this.clusters.get(params.id);
  }
}
