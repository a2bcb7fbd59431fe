import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Snapshot } from '@palisade/prisma-client';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { SnapshotsQuery } from './dto/snapshots-query.dto';
import { SnapshotsService } from './snapshots.service';
import { Access } from '../auth/access.decorator';

export function snapshotItem(row: Snapshot) {
  const { id, clusterId: _clusterId, takenAt, ...rest } = row;
  return { id: id.toString(), takenAt: takenAt.toISOString(), ...rest };
}

@ApiTags('snapshots')
@Access('viewer')
@Controller('clusters/:id/snapshots')
export class SnapshotsController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly snapshots: SnapshotsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stored snapshots, newest first, with the cluster aggregates of each' })
  async list(@Param() params: ClusterParams, @Query() query: SnapshotsQuery) {
    await this.clusters.require(params.id);
    const [items, total] = await this.snapshots.list(
      params.id,
      query.from ? new Date(query.from) : undefined,
      query.to ? new Date(query.to) : undefined,
      query.limit,
      query.offset,
    );
    return { items: items.map(snapshotItem), total };
  }

  @Access('operator')
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Take a snapshot now; answers once it is stored' })
  async take(@Param() params: ClusterParams) {
    await this.clusters.require(params.id);
    const outcome = await this.snapshots.takeSnapshot(params.id, 'manual');
    if (!outcome.ok) throw new ApiError(outcome.error, outcome.message);
    return { seq: outcome.seq, takenAt: outcome.takenAt.toISOString(), changes: outcome.changes, objectChanges: outcome.objectChanges, durationMs: outcome.durationMs };
  }
}
