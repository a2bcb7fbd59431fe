import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { clusterIdSchema } from '../clusters/dto/cluster-params.dto';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { POLICY_KINDS } from '../snapshots/snapshot-state';
import { PoliciesQuery } from './dto/policies-query.dto';
import { PoliciesService } from './policies.service';
import { Access } from '../auth/access.decorator';

class PolicyParams extends createZodDto(
  z.object({ id: clusterIdSchema, kind: z.enum(POLICY_KINDS), namespace: z.string().min(1), name: z.string().min(1) }),
) {}

class ClusterPolicyParams extends createZodDto(z.object({ id: clusterIdSchema, kind: z.enum(POLICY_KINDS), name: z.string().min(1) })) {}

@ApiTags('policies')
@Access('viewer')
@Controller('clusters/:id/policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'Policies of every kind with their YAML, what they select, and when they appeared (or disappeared, with removed=true)' })
  list(@Param() params: ClusterParams, @Query() query: PoliciesQuery) {
    return this.policies.list(params.id, query);
  }

  @Get(':kind/:namespace/:name')
  @ApiOperation({ summary: 'A NetworkPolicy and its history' })
  get(@Param() params: PolicyParams) {
    return this.policies.get(params.id, params.kind, params.namespace, params.name);
  }

  @Get(':kind/:name')
  @ApiOperation({ summary: 'A cluster-scoped policy (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy) and its history' })
  getClusterScoped(@Param() params: ClusterPolicyParams) {
    return this.policies.get(params.id, params.kind, '', params.name);
  }
}
