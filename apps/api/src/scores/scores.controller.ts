import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ClusterParams, clusterIdSchema } from '../clusters/dto/cluster-params.dto';
import { HistoryQuery } from './dto/history-query.dto';
import { ScoresService } from './scores.service';
import { Access } from '../auth/access.decorator';

class NamespaceParams extends createZodDto(z.object({ id: clusterIdSchema, namespace: z.string().min(1) })) {}
class WorkloadParams extends createZodDto(z.object({ id: clusterIdSchema, namespace: z.string().min(1), kind: z.string().min(1), name: z.string().min(1) })) {}

@ApiTags('scores')
@Access('viewer')
@Controller('clusters/:id')
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

  @Get('scores')
  @ApiOperation({ summary: 'Cluster score history', description: 'from/to (ISO 8601, default the last 7 days), bucket raw|hour|day|auto.' })
  cluster(@Param() params: ClusterParams, @Query() query: HistoryQuery) {
    return this.scores.cluster(params.id, query);
  }

  @Get('namespaces/:namespace/scores')
  @ApiOperation({ summary: 'A namespace\u2019s score history' })
  namespace(@Param() params: NamespaceParams, @Query() query: HistoryQuery) {
    return this.scores.subject(params.id, 'Namespace', params.namespace, '', '', query);
  }

  @Get('workloads/:namespace/:kind/:name/scores')
  @ApiOperation({ summary: 'A workload\u2019s score history' })
  workload(@Param() params: WorkloadParams, @Query() query: HistoryQuery) {
    return this.scores.subject(params.id, 'Workload', params.namespace, params.kind, params.name, query);
  }
}
