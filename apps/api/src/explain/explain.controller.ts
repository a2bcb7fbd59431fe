import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { ExplainService } from './explain.service';
import { Access } from '../auth/access.decorator';

class ExplainQuery extends createZodDto(
  z.object({
    from: z.string().min(1, 'a pod as namespace/name, or an IP address'),
    to: z.string().min(1, 'a pod as namespace/name, or an IP address'),
    port: z
      .string()
      .regex(/^\d{1,5}(\/(TCP|UDP|SCTP))?$/i, 'must be PORT/PROTOCOL, e.g. 80/TCP')
      .transform((p) => {
        const [port, protocol = 'TCP'] = p.split('/');
        return { port: Number(port), protocol: protocol.toUpperCase() as 'TCP' | 'UDP' | 'SCTP' };
      })
      .refine((p) => p.port >= 1 && p.port <= 65535, 'port must be 1-65535'),
  }),
) {}

@ApiTags('explain')
@Access('viewer')
@Controller('clusters/:id/explain')
export class ExplainController {
  constructor(private readonly explanations: ExplainService) {}

  @Get()
  @ApiOperation({ summary: 'Whether a connection is allowed now, and the policies and rules that decide it in each direction' })
  explain(@Param() params: ClusterParams, @Query() query: ExplainQuery) {
    return this.explanations.explain(params.id, query.from, query.to, query.port);
  }
}
