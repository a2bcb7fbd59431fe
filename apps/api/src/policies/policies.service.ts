import type { Page, PolicyDetail, PolicyItem, PolicyKind } from '@palisade/api-contract';
import { Injectable } from '@nestjs/common';
import type { ObjectVersion } from '@palisade/prisma-client';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { manifestYaml } from '../common/manifest-yaml';
import { PoliciesRepository } from './policies.repository';

const policyId = (row: { kind: string; namespace: string; name: string }) =>
  row.kind === 'NetworkPolicy' ? `${row.namespace}/${row.name}` : `${row.kind}/${row.name}`;

@Injectable()
export class PoliciesService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: PoliciesRepository,
  ) {}

  private item(row: ObjectVersion, times: Map<number, Date>, selected: Map<string, number>) {
    const id = policyId(row);
    return {
      id,
      kind: row.kind as PolicyKind, // the repository reads policy kinds only
      ...(row.namespace ? { namespace: row.namespace } : {}),
      name: row.name,
      /** Workloads whose pods it selects now. */
      selectsWorkloads: row.toSeq === null ? (selected.get(id) ?? 0) : 0,
      since: times.get(row.fromSeq)?.toISOString() ?? null,
      removedAt: row.toSeq === null ? null : (times.get(row.toSeq)?.toISOString() ?? null),
      yaml: manifestYaml(row.data),
    };
  }

  async list(clusterId: string, filter: { namespace?: string; kind?: string; removed?: boolean; limit: number; offset: number }): Promise<Page<PolicyItem>> {
    await this.clusters.require(clusterId);
    const { items, total } = await this.repository.list(clusterId, filter);
    const times = await this.repository.timesOf(clusterId, items.flatMap((r) => (r.toSeq === null ? [r.fromSeq] : [r.fromSeq, r.toSeq])));
    const selected = await this.repository.selectedWorkloads(clusterId);
    return { items: items.map((r) => this.item(r, times, selected)), total };
  }

  /** One policy: its current (or last) version and the times it appeared, changed, disappeared. */
  async get(clusterId: string, kind: string, namespace: string, name: string): Promise<PolicyDetail> {
    await this.clusters.require(clusterId);
    const versions = await this.repository.history(clusterId, kind, namespace, name);
    if (versions.length === 0) throw new ApiError('policy-not-found', `no ${kind} ${namespace ? `${namespace}/` : ''}${name} in this cluster's history`);
    const times = await this.repository.timesOf(clusterId, versions.flatMap((v) => (v.toSeq === null ? [v.fromSeq] : [v.fromSeq, v.toSeq])));
    const selected = await this.repository.selectedWorkloads(clusterId);
    const latest = versions[versions.length - 1];
    return {
      ...this.item(latest, times, selected),
      history: versions.map((v) => ({
        from: times.get(v.fromSeq)?.toISOString() ?? null,
        to: v.toSeq === null ? null : (times.get(v.toSeq)?.toISOString() ?? null),
        fromSeq: v.fromSeq,
        toSeq: v.toSeq,
      })),
    };
  }
}
