/**
 * The shapes the API answers and pushes, shared by the API, the dashboard and scripts.
 * Types, constants and the grammar of policy ids, without dependencies, so any client can import it.
 */

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export type ClusterStatus = 'connecting' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized' | 'forbidden';

export interface ClusterItem {
  readonly id: string;
  readonly name: string;
  /** stored: added by an admin through the API (its kubeconfig sealed in the database). */
  readonly source: 'kubeconfig' | 'in-cluster' | 'demo' | 'stored';
  /** stored clusters: who added it (username or token name); null for configured ones. */
  readonly createdBy?: string | null;
  readonly status: ClusterStatus;
  readonly statusReason?: string;
  readonly score: number | null;
  readonly lastSnapshotAt: string | null;
  readonly snapshotIntervalSeconds: number;
  /** The figures of the latest snapshot; null before the first. */
  readonly latest: ClusterFigures | null;
}

export interface ClusterFigures {
  readonly seq: number;
  readonly pods: number;
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  /** Policies read but not enforced by the cluster's network plugin (not counted in `policies`). */
  readonly notEnforcedPolicies: number;
  /** The network plugin whose semantics were evaluated (null: snapshots older than this field). */
  readonly cni: CniName | null;
  readonly cniEvidence: string | null;
}

/** Which policy kinds a cluster enforces: see docs/cni.md. */
export type CniName = 'generic' | 'cilium' | 'calico' | 'none';

export interface WorkloadItem {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly internetIngress: boolean;
  /**
   * Of reachableFrom and internetIngress, what is allowed only for some requests or names (L7
   * rules, DNS names): a conditional verdict, never rounded to allowed or denied.
   */
  readonly reachableFromConditional: number;
  readonly internetIngressConditional: boolean;
  /**
   * What the internet can actually reach (docs/entry-points.md): `published` through an entry
   * point the policies admit end to end; `policy-only` when the policies admit the internet but
   * no entry point leads there; `none`.
   */
  readonly internetExposure: InternetExposure;
  /** The internet-facing entry points leading to its pods, admitted or not (admitted first). */
  readonly entryPoints: readonly EntryPointItem[];
  /** Published, or reachable from every other namespace. */
  readonly exposed: boolean;
  readonly unprotected: boolean;
  readonly score: number | null;
  readonly pods: number;
}

export const INTERNET_EXPOSURES = ['published', 'policy-only', 'none'] as const;
export type InternetExposure = (typeof INTERNET_EXPOSURES)[number];

/** An entry point in words: `LoadBalancer shop/web:80`, `Ingress shop/storefront https://shop.example.com`. */
export function describeEntryPoint(entry: Pick<EntryPointItem, 'kind' | 'name' | 'port' | 'host'>): string {
  if (entry.kind === 'Ingress' || entry.kind === 'Gateway') {
    const scheme = entry.port === 443 ? 'https' : entry.port === 80 ? 'http' : undefined;
    const where = entry.host ? (scheme ? `${scheme}://${entry.host}` : `${entry.host}:${entry.port}`) : `port ${entry.port}`;
    return `${entry.kind} ${entry.name} ${where}`;
  }
  return `${entry.kind} ${entry.name}:${entry.port}`;
}

export const ENTRY_KINDS = ['LoadBalancer', 'NodePort', 'ExternalIP', 'HostPort', 'HostNetwork', 'Ingress', 'Gateway'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A door from the internet to a workload's pods. */
export interface EntryPointItem {
  readonly kind: EntryKind;
  /** `namespace/name` of the Service, Ingress or Gateway; of the pod for HostPort and HostNetwork. */
  readonly name: string;
  /** The port internet clients connect to. */
  readonly port: number;
  readonly protocol: string;
  readonly host?: string;
  /** The port on the pod. */
  readonly targetPort: number;
  /** The policies admit the traffic along the whole path (for some requests only when `conditional`). */
  readonly admitted: boolean;
  readonly conditional?: boolean;
  /** Ingress and Gateway: the controller whose proxies carry the traffic. */
  readonly controller?: string;
}

/** Every kind of change event, in the order they are documented. */
export const CHANGE_KINDS = [
  'WORKLOAD_ADDED_UNPROTECTED',
  'WORKLOAD_EXPOSED',
  'WORKLOAD_UNPROTECTED',
  'WORKLOAD_PROTECTED',
  'WORKLOAD_REMOVED',
  'NAMESPACE_LOST_DEFAULT_DENY',
  'NAMESPACE_GAINED_DEFAULT_DENY',
  'POLICY_ADDED',
  'POLICY_CHANGED',
  'POLICY_REMOVED',
  'SCORE_CHANGED',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeItem {
  readonly id: string;
  readonly kind: ChangeKind;
  readonly at: string;
  readonly seq: number;
  readonly namespace?: string;
  readonly workload?: string;
  readonly policy?: string;
  readonly details: Record<string, unknown>;
}

/** The cluster's figures after an evaluation (pushed live, within a second of a change). */
export interface ClusterScoreEvent {
  readonly clusterId: string;
  readonly at: string;
  readonly score: number | null;
  readonly pods: number;
  readonly workloads: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  /** Workloads whose findings changed since the previous evaluation (removed ones excluded). */
  readonly changedWorkloads: readonly WorkloadItem[];
  readonly removedWorkloads: readonly { readonly namespace: string; readonly kind: string; readonly name: string }[];
}

export interface ClusterStatusEvent {
  readonly clusterId: string;
  readonly status: ClusterStatus;
  readonly statusReason?: string;
}

export interface ChangesEvent {
  readonly clusterId: string;
  /** `live`: derived from the last evaluation, not yet stored; `stored`: part of a snapshot. */
  readonly source: 'live' | 'stored';
  readonly changes: readonly Omit<ChangeItem, 'id' | 'seq'>[];
}

export interface SnapshotStoredEvent {
  readonly clusterId: string;
  readonly seq: number;
  readonly at: string;
  readonly score: number | null;
  readonly changes: number;
}

/** socket.io namespace `/live`: every event the server pushes, declared once. */
export interface ServerToClientEvents {
  'cluster:score': (event: ClusterScoreEvent) => void;
  'cluster:status': (event: ClusterStatusEvent) => void;
  'cluster:changes': (event: ChangesEvent) => void;
  'snapshot:stored': (event: SnapshotStoredEvent) => void;
}

export interface ClientToServerEvents {
  /** Join the rooms of these clusters (all clusters when omitted). */
  subscribe: (request: { readonly clusterIds?: readonly string[] }, ack?: (joined: readonly string[]) => void) => void;
}

export const LIVE_NAMESPACE = '/live';

/** One point of GET /api/clusters/:id/scores (a snapshot, or the average of a bucket). */
export interface ClusterScorePoint {
  readonly at: string;
  readonly score: number | null;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  /** How many snapshots the point stands for. */
  readonly snapshots?: number;
}

export type ScoreBucket = 'raw' | 'hour' | 'day';

/** GET /api/clusters/:id/scores */
export interface ClusterScoreSeries {
  readonly from: string;
  readonly to: string;
  readonly bucket: ScoreBucket;
  readonly points: readonly ClusterScorePoint[];
}

/** A stretch of time over which a workload's or namespace's findings did not change. */
export interface ScoreInterval {
  /** Null when the snapshot that began it is no longer stored. */
  readonly from: string | null;
  /** Null while it still holds. */
  readonly to: string | null;
  readonly score: number | null;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly internetIngress: boolean;
  readonly exposed: boolean;
  readonly unprotected: boolean;
}

/** GET /api/clusters/:id/workloads/:ns/:kind/:name/scores and /namespaces/:ns/scores */
export interface ScoreHistory {
  readonly from: string;
  readonly to: string;
  readonly points: readonly ScoreInterval[];
}

/** One item of GET /api/clusters/:id/namespaces (from the latest snapshot). */
export interface NamespaceItem {
  readonly name: string;
  readonly score: number | null;
  readonly exposed: boolean;
  readonly unprotected: boolean;
  readonly pods: number;
  readonly workloads: number;
  readonly networkPolicies: number;
  readonly exposedWorkloads: number;
  readonly unprotectedWorkloads: number;
  readonly defaultDenyIngress: boolean;
  readonly defaultDenyEgress: boolean;
  readonly ingressIsolatedPods: number;
  readonly egressIsolatedPods: number;
}

/**
 * Every policy kind Palisade reads. Calico's kinds carry a `Calico` prefix (their own kind names
 * are Kubernetes' `NetworkPolicy`); Staged kinds are shown but never enforced.
 */
export const POLICY_KINDS = [
  'NetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'CalicoNetworkPolicy',
  'CalicoGlobalNetworkPolicy',
  'CalicoStagedNetworkPolicy',
  'CalicoStagedGlobalNetworkPolicy',
  'CalicoStagedKubernetesNetworkPolicy',
] as const;

export type PolicyKind = (typeof POLICY_KINDS)[number];

/** The kinds that live in a namespace. */
export const NAMESPACED_POLICY_KINDS: readonly PolicyKind[] = [
  'NetworkPolicy',
  'CiliumNetworkPolicy',
  'CalicoNetworkPolicy',
  'CalicoStagedNetworkPolicy',
  'CalicoStagedKubernetesNetworkPolicy',
];

export function isPolicyKind(text: unknown): text is PolicyKind {
  return typeof text === 'string' && (POLICY_KINDS as readonly string[]).includes(text);
}

/**
 * What a policy id stands for. Ids are `namespace/name` for a NetworkPolicy, `Kind/name` for a
 * cluster-scoped policy and `Kind/namespace/name` for the other namespaced kinds; namespaces are
 * lower-case DNS labels and kinds are not, so the first segment tells the forms apart.
 * Undefined for anything else.
 */
export function parsePolicyId(id: string): { kind: PolicyKind; namespace?: string; name: string } | undefined {
  const parts = id.split('/');
  if (parts.some((p) => p === '')) return undefined;
  const [head, second, third, ...more] = parts;
  if (more.length > 0) return undefined;
  if (!isPolicyKind(head)) return second !== undefined && third === undefined ? { kind: 'NetworkPolicy', namespace: head, name: second } : undefined;
  if (head === 'NetworkPolicy' || second === undefined) return undefined;
  const namespaced = NAMESPACED_POLICY_KINDS.includes(head);
  if (namespaced) return third === undefined ? undefined : { kind: head, namespace: second, name: third };
  return third === undefined ? { kind: head, name: second } : undefined;
}

/**
 * One item of GET /api/clusters/:id/policies (`id`: see parsePolicyId). A policy the cluster's
 * network plugin does not enforce (another plugin's kind, a host or staged policy) says why.
 */
export interface PolicyItem {
  readonly id: string;
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
  readonly enforced: boolean;
  readonly notEnforcedReason?: string;
  /** Calico: the tier and the order within it (null: after every ordered policy). */
  readonly tier?: string;
  readonly order?: number | null;
  /** Workloads whose pods it selects now (0 once removed). */
  readonly selectsWorkloads: number;
  readonly since: string | null;
  readonly removedAt: string | null;
  readonly yaml: string;
}

/** GET /api/clusters/:id/policies/:kind/[:namespace/]:name: the policy and its versions. */
export interface PolicyDetail extends PolicyItem {
  readonly history: readonly {
    readonly from: string | null;
    readonly to: string | null;
    readonly fromSeq: number;
    readonly toSeq: number | null;
  }[];
}

/** One item of GET /api/clusters/:id/snapshots, newest first. */
export interface SnapshotItem {
  readonly id: string;
  readonly seq: number;
  readonly takenAt: string;
  readonly trigger: string;
  readonly durationMs: number;
  readonly pods: number;
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly score: number | null;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly notEnforcedPolicies: number;
  /** The network plugin the snapshot was evaluated for, and why (null: older snapshots). */
  readonly cni: string | null;
  readonly cniEvidence: string | null;
  /** Change events the snapshot produced. */
  readonly changes: number;
  readonly objectChanges: number;
  /** Older than the raw retention: kept for the history, not for diffs. */
  readonly thinned: boolean;
}

/** GET /api/clusters/:id/diff?from=SEQ&to=SEQ */
export interface SnapshotDiff {
  readonly from: { readonly seq: number; readonly takenAt: string; readonly score: number | null };
  readonly to: { readonly seq: number; readonly takenAt: string; readonly score: number | null };
  readonly summary: {
    readonly exposed: number;
    readonly protected: number;
    readonly policiesAdded: number;
    readonly policiesRemoved: number;
    readonly policiesChanged: number;
  };
  readonly changes: readonly Omit<ChangeItem, 'id' | 'seq' | 'at'>[];
}

export interface WorkloadPod {
  readonly name: string;
  readonly ips: readonly string[];
  readonly phase?: string;
  readonly nodeName?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly { readonly name?: string; readonly port: number; readonly protocol: string }[];
  readonly hostNetwork?: boolean;
  /** Made from the workload's template: the workload has no pods running. */
  readonly synthetic?: boolean;
}

export interface WorkloadRef {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly pods: number;
  /** False for a workload of a namespace left out of the audit (kube-system by default): no page of its own. */
  readonly audited: boolean;
}

/** GET /api/clusters/:id/workloads/:namespace/:kind/:name */
export interface WorkloadDetail extends Omit<WorkloadItem, 'pods'> {
  readonly reachableTo: number;
  readonly internetEgress: boolean;
  readonly pods: readonly WorkloadPod[];
  readonly policies: readonly {
    readonly id: string;
    readonly kind: PolicyKind;
    readonly namespace?: string;
    readonly name: string;
    readonly yaml: string;
  }[];
  /** Null when this replica has not evaluated the cluster yet. */
  readonly reachableFromWorkloads: readonly WorkloadRef[] | null;
  readonly reachableToWorkloads: readonly WorkloadRef[] | null;
  readonly changes: readonly ChangeItem[];
}

export interface ExplainRule {
  readonly policy: string;
  readonly direction: 'Ingress' | 'Egress';
  readonly index: number;
  /** The rule's list when it is not `ingress`/`egress` (Cilium's `ingressDeny`, `specs[1].egress`). */
  readonly list?: string;
  readonly name?: string;
  readonly action: 'Allow' | 'Deny' | 'Pass' | 'Log';
  /** Calico: the policy's tier and order. */
  readonly tier?: string;
  readonly order?: number;
  /** Why the rule allows only some requests (L7 rules, DNS names). */
  readonly conditional?: string;
}

/** Allowed, denied, or allowed only for some requests or names. */
export type Verdict = 'allowed' | 'conditional' | 'denied';

export interface ExplainDirection {
  /** Allowed for every request. */
  readonly allowed: boolean;
  readonly verdict: Verdict;
  readonly decidedBy: 'admin' | 'networkPolicy' | 'baseline' | 'cilium' | 'calico' | 'default';
  /** The tier that decided (Calico's tier name). */
  readonly tier?: string;
  /** No rule matched: the isolation itself denied. */
  readonly endOfTier: boolean;
  readonly rules: readonly ExplainRule[];
  readonly isolatedBy: readonly string[];
  readonly passedBy: readonly ExplainRule[];
  readonly conditionalBy: readonly ExplainRule[];
}

/** GET /api/clusters/:id/explain?from=ns/pod|IP&to=ns/pod|IP&port=80/TCP */
export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly port: { readonly port: number | string; readonly protocol: string };
  readonly allowed: boolean;
  readonly verdict: Verdict;
  readonly self: boolean;
  readonly egress: ExplainDirection | null;
  readonly ingress: ExplainDirection | null;
  readonly lines: readonly string[];
}

// ---- Alerting (apps/api/src/alerts) ----

/** What an alert rule watches for (derived from change events). */
export type AlertKind =
  | 'WORKLOAD_EXPOSED'
  | 'WORKLOAD_ADDED_UNPROTECTED'
  | 'INTERNET_EXPOSURE'
  | 'NAMESPACE_LOST_DEFAULT_DENY'
  | 'POLICY_REMOVED'
  | 'SCORE_DROPPED';

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** GET /api/alert-rules items. */
export interface AlertRuleItem {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly kinds: readonly AlertKind[];
  readonly clusterId: string | null;
  /** Exact namespace or glob (`team-*`); null: every namespace. */
  readonly namespace: string | null;
  readonly matchLabels: Readonly<Record<string, string>> | null;
  readonly severity: AlertSeverity;
  /** Channel ids; "default" is the ALERT_WEBHOOK_URL channel. */
  readonly channelIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type ChannelType = 'webhook' | 'slack' | 'teams' | 'alertmanager' | 'email';

/** GET /api/channels items. Secrets (URLs, HMAC secret, SMTP password) are never answered. */
export interface ChannelItem {
  readonly id: string;
  readonly name: string;
  readonly type: ChannelType;
  /** Where it sends: the URL's host, or the SMTP host. */
  readonly target: string;
  /** Settings that are not secret (email: host, port, secure, user, from, to). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly hasSecret: boolean;
  /** true for the channel of ALERT_WEBHOOK_URL (read-only). */
  readonly builtIn: boolean;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** suppressed: held by an active exception; it fires if the exception ends while the condition holds. */
export type AlertStatus = 'pending' | 'suppressed' | 'firing' | 'resolved' | 'cancelled';

/** GET /api/alerts items. */
export interface AlertItem {
  readonly id: string;
  readonly clusterId: string;
  readonly ruleId: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly namespace: string | null;
  readonly workload: string | null;
  readonly policy: string | null;
  readonly status: AlertStatus;
  readonly openedAt: string;
  /** When a pending alert fires if its condition still holds. */
  readonly fireAt: string;
  readonly firedAt: string | null;
  readonly closedAt: string | null;
  /** Who acknowledged it (username or token name) and when; null until someone does. */
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttemptItem {
  readonly attempt: number;
  readonly at: string;
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** GET /api/deliveries items: the outbox and its attempt log. */
export interface DeliveryItem {
  readonly id: string;
  readonly alertId: string | null;
  readonly channelId: string;
  readonly transition: 'firing' | 'resolved' | 'test';
  readonly idempotencyKey: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
  readonly log: readonly DeliveryAttemptItem[];
}

/** POST /api/channels/:id/test */
export interface ChannelTestResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly deliveryId: string;
}

/** GET /api/exceptions items: workloads intentionally exposed. */
export interface AlertExceptionItem {
  readonly id: string;
  readonly clusterId: string | null;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly reason: string;
  readonly owner: string;
  readonly expiresAt: string | null;
  readonly active: boolean;
  readonly createdAt: string;
}

/** Compliance reports: one cluster, or the fleet (every cluster). */
export type ReportScope = 'cluster' | 'fleet';
export type ReportTrigger = 'schedule' | 'manual';
export type ReportStatus = 'generating' | 'ready' | 'failed';
/** GET /api/reports/:id/download?format= */
export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'policyreport'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** not-assessable: Palisade cannot know from the Kubernetes API (the reason says why). */
export type ControlStatus = 'pass' | 'fail' | 'not-assessable';

/** One control of a framework, judged on the report's findings. */
export interface ReportControl {
  /** e.g. "CIS 5.3.2", "NIST SC-7(5)". */
  readonly id: string;
  readonly framework: string;
  readonly title: string;
  readonly status: ControlStatus;
  /** Why it passes, fails or cannot be assessed, in words. */
  readonly reason: string;
  readonly evidence: {
    /** Offending namespaces or workloads (workloads under an active exception are not counted). */
    readonly failing: number;
    /** Namespaces or workloads assessed. */
    readonly assessed: number;
    /** The first offenders, `cluster/namespace` or `cluster/namespace/Kind/name`. */
    readonly examples: readonly string[];
  };
}

export interface ReportException {
  readonly id: string;
  readonly clusterId: string | null;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly reason: string;
  readonly owner: string;
  readonly expiresAt: string | null;
  readonly createdAt: string;
}

export interface ReportWorkload {
  readonly cluster: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly score: number | null;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly unprotected: boolean;
  readonly exposed: boolean;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  readonly reachableFrom: number;
  /** Of reachableFrom and internetIngress, what only some requests or names get (absent in reports made before CNI policies were read). */
  readonly reachableFromConditional?: number;
  readonly internetIngressConditional?: boolean;
  /** What the internet can reach, and the entry points that publish it (absent in older reports). */
  readonly internetExposure?: InternetExposure;
  readonly publishedThrough?: readonly EntryPointItem[];
  /** `label=value` of the first owner label present (see ReportData.ownerLabels). */
  readonly owner: string | null;
  readonly labels: Readonly<Record<string, string>>;
  /** The exception in force at the end of the period, if any. */
  readonly exceptionId: string | null;
  /** The findings in words ("not ingress-isolated", "reachable from the internet", ...). */
  readonly findings: readonly string[];
}

export interface ReportNamespace {
  readonly cluster: string;
  readonly name: string;
  readonly score: number | null;
  readonly pods: number;
  readonly workloads: number;
  readonly networkPolicies: number;
  readonly defaultDenyIngress: boolean;
  readonly defaultDenyEgress: boolean;
}

export interface ReportChange {
  readonly cluster: string;
  readonly at: string;
  readonly kind: ChangeKind;
  readonly namespace: string | null;
  readonly workload: string | null;
  readonly policy: string | null;
  readonly details: Record<string, unknown>;
}

export interface ReportScorePoint {
  readonly at: string;
  readonly score: number | null;
}

export interface ReportClusterSection {
  readonly id: string;
  readonly name: string;
  /** The snapshot the findings come from: the last one before `to` (null: none yet). */
  readonly snapshotAt: string | null;
  /** The snapshot the start score comes from: the last one at or before `from`, else the first in the period. */
  readonly startSnapshotAt: string | null;
  readonly scoreStart: number | null;
  readonly scoreEnd: number | null;
  readonly ingressIsolatedPercent: number | null;
  readonly egressIsolatedPercent: number | null;
  readonly pods: number;
  readonly policies: number;
  /** The network plugin the findings were evaluated for (absent or null: reports or snapshots from before it was recorded). */
  readonly cni?: CniName | null;
  /** Policies the cluster holds but its plugin does not enforce, at the end of the period. */
  readonly notEnforced?: readonly ReportNotEnforced[];
  /** Scores over the period (bucketed to at most a few hundred points). */
  readonly series: readonly ReportScorePoint[];
}

/** A policy that is in the cluster but not enforced there, and why. */
export interface ReportNotEnforced {
  readonly cluster: string;
  /** The policy's id (see parsePolicyId). */
  readonly policy: string;
  readonly kind: PolicyKind;
  readonly reason: string;
}

export interface ReportSummary {
  readonly clusters: number;
  readonly scoreStart: number | null;
  readonly scoreEnd: number | null;
  readonly ingressIsolatedPercent: number | null;
  readonly egressIsolatedPercent: number | null;
  readonly workloads: number;
  /** Counted without the workloads under an active exception. */
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly exceptedWorkloads: number;
  readonly namespaces: number;
  readonly namespacesWithoutPolicies: number;
  readonly namespacesWithoutDefaultDenyIngress: number;
  readonly namespacesWithoutDefaultDenyEgress: number;
  readonly becameExposed: number;
  readonly becameProtected: number;
  readonly policyChanges: number;
  /** Policies not enforced by their cluster's plugin (absent in older reports). */
  readonly notEnforcedPolicies?: number;
  /** Workloads (outside exceptions) the internet reaches through an admitted entry point (absent in older reports). */
  readonly publishedWorkloads?: number;
  readonly controls: { readonly pass: number; readonly fail: number; readonly notAssessable: number };
}

/** Everything a report says; every download format is rendered from it. */
export interface ReportData {
  readonly version: 1;
  readonly scope: ReportScope;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  /** Labels read, in order, for a workload's owner. */
  readonly ownerLabels: readonly string[];
  readonly summary: ReportSummary;
  readonly clusters: readonly ReportClusterSection[];
  readonly controls: readonly ReportControl[];
  readonly namespaces: readonly ReportNamespace[];
  readonly workloads: readonly ReportWorkload[];
  readonly changes: {
    /** WORKLOAD_EXPOSED, WORKLOAD_ADDED_UNPROTECTED and WORKLOAD_UNPROTECTED in the period. */
    readonly becameExposed: readonly ReportChange[];
    readonly becameProtected: readonly ReportChange[];
    /** POLICY_ADDED, POLICY_CHANGED, POLICY_REMOVED. */
    readonly policyChanges: readonly ReportChange[];
    /** NAMESPACE_LOST_DEFAULT_DENY and NAMESPACE_GAINED_DEFAULT_DENY. */
    readonly defaultDeny: readonly ReportChange[];
    /** Some lists were cut at their limit (the summary keeps the full counts). */
    readonly truncated: boolean;
  };
  /** Exceptions in force at the end of the period: listed here, not counted as failures. */
  readonly exceptions: readonly ReportException[];
}

/** GET /api/reports items. */
export interface ReportItem {
  readonly id: string;
  readonly scope: ReportScope;
  readonly clusterId: string | null;
  readonly clusterName: string | null;
  readonly from: string;
  readonly to: string;
  readonly trigger: ReportTrigger;
  readonly status: ReportStatus;
  readonly error: string | null;
  readonly summary: ReportSummary | null;
  readonly emailedAt: string | null;
  readonly createdAt: string;
  /** Download paths per format. */
  readonly downloads: Readonly<Record<ReportFormat, string>>;
}

/** GET /api/reports/:id and POST /api/reports. */
export interface ReportDetail extends ReportItem {
  readonly data: ReportData | null;
}

// ---------------------------------------------------------------------------------------------
// Access: sign-in, roles, API tokens, audit log.

/** viewer: read everything but users, tokens and the audit log; operator: also acknowledge
 * alerts, manage exceptions, take snapshots and generate reports; admin: also alert rules,
 * channels, users, API tokens and the audit log. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The session cookie (httpOnly) and the CSRF cookie (readable by the page, echoed in a header). */
export const SESSION_COOKIE = 'palisade_session';
export const CSRF_COOKIE = 'palisade_csrf';
/** State-changing requests made with the session cookie carry the CSRF cookie's value here. */
export const CSRF_HEADER = 'x-csrf-token';

export interface UserItem {
  readonly id: string;
  readonly username: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly role: Role;
  /** local: a password; oidc: signs in through the identity provider. */
  readonly source: 'local' | 'oidc';
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
}

/** GET /api/auth/session. */
export type SessionInfo =
  | {
      readonly authenticated: false;
      /** No admin exists yet: the first one is created with the setup token (POST /api/auth/setup). */
      readonly setupRequired: boolean;
      readonly methods: SignInMethods;
    }
  | {
      readonly authenticated: true;
      readonly user: UserItem | null;
      /** The API token used, when the request came with one. */
      readonly token: { readonly id: string; readonly name: string } | null;
      readonly role: Role;
      readonly methods: SignInMethods;
    };

export interface SignInMethods {
  readonly local: true;
  /** Set when OIDC single sign-on is configured: the button's label. */
  readonly oidc: { readonly label: string } | null;
}

/** POST /api/auth/login and /api/auth/setup answer this (and set the cookies). */
export interface SignedIn {
  readonly user: UserItem;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface ApiTokenItem {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The first ten characters of the token (`pal_ab12cd`), to tell tokens apart. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** POST /api/tokens: the secret is answered this once and never again. */
export interface CreatedApiToken extends ApiTokenItem {
  readonly secret: string;
}

export interface AuditActor {
  readonly kind: 'user' | 'token' | 'system';
  readonly id: string | null;
  /** Username, token name, or what the system did it for (bootstrap, setup). */
  readonly name: string;
}

/** GET /api/audit items (admins only), newest first. */
export interface AuditEventItem {
  readonly id: string;
  readonly at: string;
  readonly actor: AuditActor;
  /** e.g. channel.created, user.updated, token.revoked, exception.deleted, auth.login-failed */
  readonly action: string;
  /** What it was done to: `<kind>:<id>` (`user:<id>`, `channel:<id>`, ...); a failed sign-in: `username:<name tried>`. */
  readonly target: string | null;
  /** The request's fields, secrets redacted. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
}
