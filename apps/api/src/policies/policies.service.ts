import { isPolicyKind, type Page, type PolicyDetail, type PolicyItem } from '@palisade/api-contract';
import { Injectable } from '@nestjs/common';
import { buildModel } from '@palisade/cluster-model';
import { notEnforcedReason, policyIdOf, type CniMode } from '@palisade/policy-engine';
import type { ObjectVersion } from '@palisade/prisma-client';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { manifestYaml } from '../common/manifest-yaml';
import { PoliciesRepository } from './policies.repository';

/** A Calico policy's tier and order, as the reader reads them from the stored object. */
function calicoPlacement(raw: unknown): { tier: string; order: number | null } | undefined {
  const [policy] = buildModel([{ obj: raw }], { synthesizePods: false }).model.calicoPolicies;
  return policy ? { tier: policy.tier, order: policy.order } : undefined;
}

@Injectable()
export class PoliciesService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: PoliciesRepository,
  ) {}

  private item(row: ObjectVersion, times: Map<number, Date>, selected: Map<string, number>, cni: CniMode): PolicyItem {
    // The repository reads policy kinds only; a row of another kind would be a bug upstream.
    if (!isPolicyKind(row.kind)) throw new Error(`not a policy kind: ${row.kind}`);
    const kind = row.kind;
    const id = policyIdOf(kind, row.name, row.namespace || undefined);
    const reason = notEnforcedReason(kind, row.data, cni);
    const placement = kind.startsWith('Calico') ? calicoPlacement(row.data) : undefined;
    return {
      id,
      kind,
      ...(row.namespace ? { namespace: row.namespace } : {}),
      name: row.name,
      enforced: reason === undefined,
      ...(reason === undefined ? {} : { notEnforcedReason: reason }),
      ...(placement ?? {}),
      /** Workloads whose pods it selects now. */
      selectsWorkloads: row.toSeq === null ? (selected.get(id) ?? 0) : 0,
      since: times.get(row.fromSeq)?.toISOString() ?? null,
      removedAt: row.toSeq === null ? null : (times.get(row.toSeq)?.toISOString() ?? null),
      yaml: manifestYaml(row.data),
    };
  }

  async list(
    clusterId: string,
    filter: { namespace?: string; kind?: string; removed?: boolean; enforced?: boolean; limit: number; offset: number },
  ): Promise<Page<PolicyItem>> {
    await this.clusters.require(clusterId);
    const [rows, cni] = await Promise.all([this.repository.list(clusterId, filter), this.repository.cniOf(clusterId)]);
    const matching =
      filter.enforced === undefined ? rows : rows.filter((r) => isPolicyKind(r.kind) && (notEnforcedReason(r.kind, r.data, cni) === undefined) === filter.enforced);
    const page = matching.slice(filter.offset, filter.offset + filter.limit);
    const times = await this.repository.timesOf(clusterId, page.flatMap((r) => (r.toSeq === null ? [r.fromSeq] : [r.fromSeq, r.toSeq])));
    const selected = await this.repository.selectedWorkloads(clusterId);
    return { items: page.map((r) => this.item(r, times, selected, cni)), total: matching.length };
  }

  /** One policy: its current (or last) version and the times it appeared, changed, disappeared. */
  async get(clusterId: string, kind: string, namespace: string, name: string): Promise<PolicyDetail> {
    await this.clusters.require(clusterId);
    const versions = await this.repository.history(clusterId, kind, namespace, name);
    if (versions.length === 0) throw new ApiError('policy-not-found', `no ${kind} ${namespace ? `${namespace}/` : ''}${name} in this cluster's history`);
    const times = await this.repository.timesOf(clusterId, versions.flatMap((v) => (v.toSeq === null ? [v.fromSeq] : [v.fromSeq, v.toSeq])));
    const [selected, cni] = await Promise.all([this.repository.selectedWorkloads(clusterId), this.repository.cniOf(clusterId)]);
    const latest = versions[versions.length - 1];
    return {
      ...this.item(latest, times, selected, cni),
      history: versions.map((v) => ({
        from: times.get(v.fromSeq)?.toISOString() ?? null,
        to: v.toSeq === null ? null : (times.get(v.toSeq)?.toISOString() ?? null),
        fromSeq: v.fromSeq,
        toSeq: v.toSeq,
      })),
    };
  }
}
