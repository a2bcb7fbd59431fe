import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClusterParams, PageQuery } from './dto/cluster-params.dto';
import { ClustersService } from './clusters.service';
import { Access } from '../auth/access.decorator';
import { Audited } from '../auth/audit/audited.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CreateClusterDto, ReplaceKubeconfigDto } from './dto/stored-cluster-body.dto';

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

  @Post()
  @Access('admin')
  @Audited('cluster.created', 'cluster')
  @ApiOperation({
    summary: 'Watch another cluster with a kubeconfig (token or client certificate inside the file; no exec plugins or file paths)',
    description: 'Only the chosen context, its cluster and its user are kept, sealed with PALISADE_SECRET_KEY; the kubeconfig is never answered.',
  })
  create(@Body() body: CreateClusterDto, @CurrentPrincipal() by: Principal) {
    return this.clusters.create(body.name, body.kubeconfig, body.context, by.name);
  }

  @Put(':id/kubeconfig')
  @Access('admin')
  @Audited('cluster.credentials-replaced', 'cluster')
  @ApiOperation({ summary: 'New credentials for a cluster added through the API: its collector restarts with them' })
  replaceKubeconfig(@Param() params: ClusterParams, @Body() body: ReplaceKubeconfigDto) {
    return this.clusters.replaceKubeconfig(params.id, body.kubeconfig, body.context);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('admin')
  @Audited('cluster.deleted', 'cluster')
  @ApiOperation({ summary: 'Stop watching a cluster added through the API and delete it with its history' })
  remove(@Param() params: ClusterParams) {
    return this.clusters.remove(params.id);
  }
}
