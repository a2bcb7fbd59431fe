import type {
  ChangeKind,
  ReportChange,
  ReportClusterSection,
  ReportData,
  ReportException,
  ReportNamespace,
  ReportNotEnforced,
  ReportScope,
  ReportScorePoint,
  ReportSummary,
  ReportWorkload,
} from '@palisade/api-contract';
import { describeEntryPoint, INTERNET_EXPOSURES, isPolicyKind, type EntryPointItem } from '@palisade/api-contract';
import { CNI_MODES, notEnforcedReason, policyIdOf } from '@palisade/policy-engine';
import { assessControls, exceptionActive, exceptionFor } from './controls';

/**
 * Labels read, in this order, for a workload's owner: the first present names it. `owner` and
 * `team` are the common conventions; the app.kubernetes.io recommended labels say which
 * application a workload is part of and which tool deploys it when nothing better exists.
 */
export const OWNER_LABELS = ['owner', 'team', 'app.kubernetes.io/owner', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by'] as const;

/** Each list of changes in a report stops here (the summary keeps the full counts). */
export const CHANGE_LIMIT = 500;
/** The trend chart's points at most. */
export const SERIES_POINTS = 168;

/** One snapshot's aggregates. */
export interface SnapshotFigures {
  readonly seq: number;
  readonly takenAt: Date;
  readonly score: number | null;
  readonly pods: number;
  readonly policies: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  /** The plugin it was evaluated for (null: snapshots from before it was recorded). */
  readonly cni: string | null;
}

/** A policy object (an ObjectVersion of a policy kind). */
export interface PolicyRow {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly data: unknown;
}

/** A workload's or namespace's findings (a ScoreVersion row). */
export interface FindingRow {
  readonly scope: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly score: number | null;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly internetIngress: boolean;
  /** published | policy-only | none (ScoreVersion.internetExposure). */
  readonly internetExposure: string;
  readonly exposed: boolean;
  readonly unprotected: boolean;
  readonly details: unknown;
}

export interface ChangeRow {
  readonly at: Date;
  readonly kind: string;
  readonly namespace: string | null;
  readonly workload: string | null;
  readonly policy: string | null;
  readonly details: unknown;
}

/** What the repository loads for one cluster over a period. */
export interface ClusterHistory {
  readonly id: string;
  readonly name: string;
  /** The last snapshot before `to` whose findings are kept (null: none). */
  readonly end: SnapshotFigures | null;
  /** The last snapshot at or before `from`, else the first in the period. */
  readonly start: SnapshotFigures | null;
  readonly series: readonly { readonly at: Date; readonly score: number | null }[];
  /** Findings at `end`. */
  readonly findings: readonly FindingRow[];
  /** Workload labels at `end`, keyed `namespace/Kind/name`. */
  readonly labels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Change events in [from, to), oldest first. */
  readonly changes: readonly ChangeRow[];
  /** Policy objects at `end`. */
  readonly policies: readonly PolicyRow[];
}

export interface ReportInput {
  readonly scope: ReportScope;
  readonly from: Date;
  readonly to: Date;
  readonly generatedAt: Date;
  readonly clusters: readonly ClusterHistory[];
  /** Every exception that may apply (active or not): the builder judges them at `to`. */
  readonly exceptions: readonly ReportException[];
}

export function ownerOf(labels: Readonly<Record<string, string>>): string | null {
  for (const key of OWNER_LABELS) {
    const value = labels[key];
    if (value) return `${key}=${value}`;
  }
  return null;
}

function findingsInWords(r: FindingRow, internetEgress: boolean, doors: readonly EntryPointItem[]): string[] {
  const words: string[] = [];
  if (!r.ingressIsolated) words.push('not ingress-isolated');
  if (!r.egressIsolated) words.push('not egress-isolated');
  const someRequests = doors.length > 0 && doors.every((d) => d.conditional === true);
  if (r.internetExposure === 'published') {
    words.push(`published to the internet through ${doors.map(describeEntryPoint).join(', ') || 'an entry point'}${someRequests ? ' (for some requests only)' : ''}`);
  } else if (r.internetExposure === 'policy-only') {
    words.push('its policies admit the internet, though no entry point leads there');
  }
  if (r.exposed && r.internetExposure !== 'published') words.push('reachable from every namespace');
  if (internetEgress) words.push('may connect to the internet');
  return words;
}

/** The policies a cluster held at `end` that its plugin does not enforce, and why. */
function notEnforcedAt(c: ClusterHistory): ReportNotEnforced[] {
  const cni = CNI_MODES.find((m) => m === c.end?.cni);
  if (!cni) return [];
  return c.policies.flatMap((p) => {
    if (!isPolicyKind(p.kind)) return [];
    const reason = notEnforcedReason(p.kind, p.data, cni);
    return reason === undefined ? [] : [{ cluster: c.name, policy: policyIdOf(p.kind, p.name, p.namespace || undefined), kind: p.kind, reason }];
  });
}

/** Averages of the series per bucket, so a week of 5-minute snapshots draws as 168 hourly points. */
export function bucketSeries(points: ClusterHistory['series'], from: Date, to: Date, maxPoints = SERIES_POINTS): ReportScorePoint[] {
  const span = Math.max(1, to.getTime() - from.getTime());
  const size = span / maxPoints;
  const buckets = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    if (p.score === null) continue;
    const index = Math.min(maxPoints - 1, Math.max(0, Math.floor((p.at.getTime() - from.getTime()) / size)));
    const b = buckets.get(index) ?? { sum: 0, n: 0 };
    b.sum += p.score;
    b.n += 1;
    buckets.set(index, b);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, b]) => ({ at: new Date(from.getTime() + index * size).toISOString(), score: Math.round((b.sum / b.n) * 10) / 10 }));
}

/** A mean weighted by pods (a cluster score is a mean over its pods, so the fleet's is too). */
function weighted(values: readonly { readonly value: number | null; readonly weight: number }[]): number | null {
  const known = values.filter((v): v is { value: number; weight: number } => v.value !== null);
  if (known.length === 0) return null;
  const weight = known.reduce((s, v) => s + v.weight, 0);
  const mean = weight > 0 ? known.reduce((s, v) => s + v.value * v.weight, 0) / weight : known.reduce((s, v) => s + v.value, 0) / known.length;
  return Math.round(mean * 10) / 10;
}

const EXPOSED_KINDS: readonly string[] = ['WORKLOAD_EXPOSED', 'WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_UNPROTECTED'];
const POLICY_KINDS: readonly string[] = ['POLICY_ADDED', 'POLICY_CHANGED', 'POLICY_REMOVED'];
const DEFAULT_DENY_KINDS: readonly string[] = ['NAMESPACE_LOST_DEFAULT_DENY', 'NAMESPACE_GAINED_DEFAULT_DENY'];

const workloadKey = (namespace: string, kind: string, name: string) => `${namespace}/${kind}/${name}`;

/** The report's data from the loaded history. Pure. */
export function buildReport(input: ReportInput): ReportData {
  const sections: ReportClusterSection[] = [];
  const namespaces: ReportNamespace[] = [];
  const workloads: ReportWorkload[] = [];
  const changes = { becameExposed: [] as ReportChange[], becameProtected: [] as ReportChange[], policyChanges: [] as ReportChange[], defaultDeny: [] as ReportChange[] };

  const notEnforced: ReportNotEnforced[] = [];
  for (const c of input.clusters) {
    const clusterNotEnforced = notEnforcedAt(c);
    notEnforced.push(...clusterNotEnforced);
    sections.push({
      id: c.id,
      name: c.name,
      snapshotAt: c.end?.takenAt.toISOString() ?? null,
      startSnapshotAt: c.start?.takenAt.toISOString() ?? null,
      scoreStart: c.start?.score ?? null,
      scoreEnd: c.end?.score ?? null,
      ingressIsolatedPercent: c.end?.ingressIsolatedPercent ?? null,
      egressIsolatedPercent: c.end?.egressIsolatedPercent ?? null,
      pods: c.end?.pods ?? 0,
      policies: c.end?.policies ?? 0,
      cni: CNI_MODES.find((m) => m === c.end?.cni) ?? null,
      notEnforced: clusterNotEnforced,
      series: bucketSeries(c.series, input.from, input.to),
    });
    for (const r of c.findings) {
      const details = (r.details ?? {}) as Record<string, unknown>;
      if (r.scope === 'Namespace') {
        namespaces.push({
          cluster: c.name,
          name: r.namespace,
          score: r.score,
          pods: Number(details['pods'] ?? 0),
          workloads: Number(details['workloads'] ?? 0),
          networkPolicies: Number(details['networkPolicies'] ?? 0),
          defaultDenyIngress: details['defaultDenyIngress'] === true,
          defaultDenyEgress: details['defaultDenyEgress'] === true,
        });
        continue;
      }
      const labels = c.labels.get(workloadKey(r.namespace, r.kind, r.name)) ?? {};
      const exception = exceptionFor(input.exceptions, c.id, r, input.to);
      const internetEgress = details['internetEgress'] === true;
      const internetIngressConditional = details['internetIngressConditional'] === true;
      const doors = Array.isArray(details['entryPoints']) ? (details['entryPoints'] as EntryPointItem[]).filter((e) => e.admitted) : [];
      workloads.push({
        cluster: c.name,
        namespace: r.namespace,
        kind: r.kind,
        name: r.name,
        score: r.score,
        ingressIsolated: r.ingressIsolated,
        egressIsolated: r.egressIsolated,
        unprotected: r.unprotected,
        exposed: r.exposed,
        internetIngress: r.internetIngress,
        internetEgress,
        reachableFrom: r.reachableFrom,
        reachableFromConditional: Number(details['reachableFromConditional'] ?? 0),
        internetIngressConditional,
        internetExposure: INTERNET_EXPOSURES.find((e) => e === r.internetExposure) ?? 'none',
        publishedThrough: doors,
        owner: ownerOf(labels),
        labels,
        exceptionId: exception?.id ?? null,
        findings: findingsInWords(r, internetEgress, doors),
      });
    }
    for (const e of c.changes) {
      const change: ReportChange = {
        cluster: c.name,
        at: e.at.toISOString(),
        kind: e.kind as ChangeKind,
        namespace: e.namespace,
        workload: e.workload,
        policy: e.policy,
        details: (e.details ?? {}) as Record<string, unknown>,
      };
      if (EXPOSED_KINDS.includes(e.kind)) changes.becameExposed.push(change);
      else if (e.kind === 'WORKLOAD_PROTECTED') changes.becameProtected.push(change);
      else if (POLICY_KINDS.includes(e.kind)) changes.policyChanges.push(change);
      else if (DEFAULT_DENY_KINDS.includes(e.kind)) changes.defaultDeny.push(change);
    }
  }

  const byName = (a: { cluster: string; namespace?: string; name: string }, b: { cluster: string; namespace?: string; name: string }) =>
    a.cluster.localeCompare(b.cluster) || (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);
  namespaces.sort(byName);
  workloads.sort(byName);

  const policies = sections.reduce((s, c) => s + c.policies, 0);
  const controls = assessControls({ namespaces, workloads, policies });
  const counted = workloads.filter((w) => w.exceptionId === null);
  const byTime = (a: ReportChange, b: ReportChange) => a.at.localeCompare(b.at);
  const cut = (list: ReportChange[]) => list.sort(byTime).slice(0, CHANGE_LIMIT);
  const truncated = Object.values(changes).some((list) => list.length > CHANGE_LIMIT);

  const summary: ReportSummary = {
    clusters: sections.length,
    scoreStart: weighted(input.clusters.map((c) => ({ value: c.start?.score ?? null, weight: c.start?.pods ?? 0 }))),
    scoreEnd: weighted(input.clusters.map((c) => ({ value: c.end?.score ?? null, weight: c.end?.pods ?? 0 }))),
    ingressIsolatedPercent: weighted(input.clusters.map((c) => ({ value: c.end?.ingressIsolatedPercent ?? null, weight: c.end?.pods ?? 0 }))),
    egressIsolatedPercent: weighted(input.clusters.map((c) => ({ value: c.end?.egressIsolatedPercent ?? null, weight: c.end?.pods ?? 0 }))),
    workloads: workloads.length,
    unprotectedWorkloads: counted.filter((w) => w.unprotected).length,
    exposedWorkloads: counted.filter((w) => w.exposed).length,
    exceptedWorkloads: workloads.length - counted.length,
    namespaces: namespaces.length,
    namespacesWithoutPolicies: namespaces.filter((n) => n.networkPolicies === 0).length,
    namespacesWithoutDefaultDenyIngress: namespaces.filter((n) => !n.defaultDenyIngress).length,
    namespacesWithoutDefaultDenyEgress: namespaces.filter((n) => !n.defaultDenyEgress).length,
    becameExposed: changes.becameExposed.length,
    becameProtected: changes.becameProtected.length,
    policyChanges: changes.policyChanges.length,
    notEnforcedPolicies: notEnforced.length,
    publishedWorkloads: counted.filter((w) => w.internetExposure === 'published').length,
    controls: {
      pass: controls.filter((c) => c.status === 'pass').length,
      fail: controls.filter((c) => c.status === 'fail').length,
      notAssessable: controls.filter((c) => c.status === 'not-assessable').length,
    },
  };

  const period = `${input.from.toISOString().slice(0, 10)} to ${input.to.toISOString().slice(0, 10)}`;
  const title =
    input.scope === 'fleet' ? `Palisade fleet compliance report, ${period}` : `Palisade compliance report for ${sections[0]?.name ?? 'a cluster'}, ${period}`;

  return {
    version: 1,
    scope: input.scope,
    title,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    generatedAt: input.generatedAt.toISOString(),
    ownerLabels: [...OWNER_LABELS],
    summary,
    clusters: sections,
    controls,
    namespaces,
    workloads,
    changes: {
      becameExposed: cut(changes.becameExposed),
      becameProtected: cut(changes.becameProtected),
      policyChanges: cut(changes.policyChanges),
      defaultDeny: cut(changes.defaultDeny),
      truncated,
    },
    // In force at the end of the period, for every cluster or one of the report's.
    exceptions: input.exceptions.filter((e) => exceptionActive(e, input.to) && (e.clusterId === null || input.clusters.some((c) => c.id === e.clusterId))),
  };
}
