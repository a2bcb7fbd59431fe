import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { DiffService } from './diff.service';
import { Access } from '../auth/access.decorator';

class DiffQuery extends createZodDto(z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) })) {}

@ApiTags('snapshots')
@Access('viewer')
@Controller('clusters/:id/diff')
export class DiffController {
  constructor(private readonly diffs: DiffService) {}

  @Get()
  @ApiOperation({
    summary: 'What differs between two snapshots (by sequence number)',
    description: 'Workloads that became exposed, protected, added or removed; namespaces that lost or gained a default deny; policies added, removed or changed.',
  })
  diff(@Param() params: ClusterParams, @Query() query: DiffQuery) {
    return this.diffs.diff(params.id, query.from, query.to);
  }
}
