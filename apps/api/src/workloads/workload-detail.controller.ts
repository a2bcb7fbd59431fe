import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { clusterIdSchema } from '../clusters/dto/cluster-params.dto';
import { WorkloadDetailService } from './workload-detail.service';
import { Access } from '../auth/access.decorator';

class WorkloadParams extends createZodDto(z.object({ id: clusterIdSchema, namespace: z.string().min(1), kind: z.string().min(1), name: z.string().min(1) })) {}

@ApiTags('workloads')
@Access('viewer')
@Controller('clusters/:id/workloads/:namespace/:kind/:name')
export class WorkloadDetailController {
  constructor(private readonly detail: WorkloadDetailService) {}

  @Get()
  @ApiOperation({ summary: 'One workload: its pods, the policies selecting it (YAML), who can reach it and whom it reaches, its change events' })
  get(@Param() params: WorkloadParams) {
    return this.detail.get(params.id, params.namespace, params.kind, params.name);
  }
}
