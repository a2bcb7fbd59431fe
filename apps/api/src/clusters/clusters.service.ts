import { Injectable } from '@nestjs/common';
import type { ClusterFigures, ClusterItem, CniName, Page } from '@palisade/api-contract';
import { CNI_MODES } from '@palisade/policy-engine';
import type { Cluster, Snapshot } from '@palisade/prisma-client';
import { CollectorsService } from '../collectors/collectors.service';
import { ApiError } from '../common/api-error';
import { ClustersRepository } from './clusters.repository';

@Injectable()
export class ClustersService {
  constructor(
    private readonly repository: ClustersRepository,
    private readonly collectors: CollectorsService,
  ) {}

  private item(row: Cluster, latest: Snapshot | undefined): ClusterItem {
    // The collector's own view is fresher than the row when this replica runs it (another
    // replica's row is written by the replica collecting the cluster).
    const live = this.collectors.owns(row.id) ? this.collectors.get(row.id)?.collector.currentState() : undefined;
    const status = (live?.status ?? row.status) as ClusterItem['status'];
    const reason = live ? live.reason : (row.statusReason ?? undefined);
    return {
      id: row.id,
      name: row.name,
      source: row.source as ClusterItem['source'],
      createdBy: row.createdBy,
      status,
      ...(reason ? { statusReason: reason } : {}),
      score: row.score,
      lastSnapshotAt: row.lastSnapshotAt?.toISOString() ?? null,
      snapshotIntervalSeconds: row.snapshotIntervalSeconds,
      latest: latest ? figuresOf(latest) : null,
    };
  }

  async list(limit: number, offset: number): Promise<Page<ClusterItem>> {
    const [rows, total] = await this.repository.list(limit, offset);
    const latest = await this.repository.latestSnapshots(rows);
    return { items: rows.map((r) => this.item(r, latest.get(r.id))), total };
  }

  async get(id: string): Promise<ClusterItem> {
    const row = await this.require(id);
    const latest = await this.repository.latestSnapshots([row]);
    return this.item(row, latest.get(row.id));
  }

  /** Watch a cluster with credentials an admin gave: answers it as listed (connecting at first). */
  async create(name: string, kubeconfig: string, context: string | undefined, createdBy: string): Promise<ClusterItem> {
    return this.item(await this.collectors.addStored(name, kubeconfig, context, createdBy), undefined);
  }

  async replaceKubeconfig(id: string, kubeconfig: string, context: string | undefined): Promise<ClusterItem> {
    const row = await this.collectors.replaceStored(id, kubeconfig, context);
    const latest = await this.repository.latestSnapshots([row]);
    return this.item(row, latest.get(row.id));
  }

  remove(id: string): Promise<void> {
    return this.collectors.removeStored(id);
  }

  /** The cluster row, or a 404 naming the id. */
  async require(id: string): Promise<Cluster> {
    const row = await this.repository.find(id);
    if (!row) throw new ApiError('cluster-not-found', `no cluster with id ${id}`);
    return row;
  }
}

function figuresOf(s: Snapshot): ClusterFigures {
  return {
    seq: s.seq,
    pods: s.pods,
    workloads: s.workloads,
    namespaces: s.namespaces,
    policies: s.policies,
    unprotectedWorkloads: s.unprotectedWorkloads,
    exposedWorkloads: s.exposedWorkloads,
    ingressIsolatedPercent: s.ingressIsolatedPercent,
    egressIsolatedPercent: s.egressIsolatedPercent,
    notEnforcedPolicies: s.notEnforcedPolicies,
    cni: isCniName(s.cni) ? s.cni : null,
    cniEvidence: s.cniEvidence,
  };
}

const isCniName = (text: string | null): text is CniName => (CNI_MODES as readonly (string | null)[]).includes(text);
