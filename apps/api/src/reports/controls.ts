import type { ControlStatus, ReportControl, ReportException, ReportNamespace, ReportWorkload } from '@palisade/api-contract';

/**
 * The findings of a report judged against the controls auditors ask about. Pure: plain data in,
 * plain data out, no clock (the caller says when exceptions are judged).
 *
 * Scope of the judgement, stated once: Palisade sees the Kubernetes API (namespaces, workloads,
 * policies), not the data plane and not which namespaces hold cardholder data. So "does the CNI
 * enforce policies" is not assessable, and PCI DSS controls are judged over every namespace in
 * scope (the cardholder data environment is assumed to be somewhere in it).
 */

/** How many offenders a control names as evidence. */
export const EVIDENCE_LIMIT = 10;

/** Whether an exception is in force at `at`: created by then and not yet expired. */
export function exceptionActive(e: Pick<ReportException, 'createdAt' | 'expiresAt'>, at: Date): boolean {
  return new Date(e.createdAt).getTime() <= at.getTime() && (e.expiresAt === null || new Date(e.expiresAt).getTime() > at.getTime());
}

/** The exception covering a workload at `at` (one for every cluster, or for this cluster). */
export function exceptionFor(
  exceptions: readonly ReportException[],
  clusterId: string,
  w: { readonly namespace: string; readonly kind: string; readonly name: string },
  at: Date,
): ReportException | undefined {
  return exceptions.find(
    (e) => (e.clusterId === null || e.clusterId === clusterId) && e.namespace === w.namespace && e.kind === w.kind && e.name === w.name && exceptionActive(e, at),
  );
}

export interface ControlInput {
  readonly namespaces: readonly ReportNamespace[];
  /** With `exceptionId` set for the workloads under an active exception (see exceptionFor). */
  readonly workloads: readonly ReportWorkload[];
  /** Policy objects seen (NetworkPolicies and admin policies). */
  readonly policies: number;
  readonly evidenceLimit?: number;
}

const nsRef = (n: ReportNamespace) => `${n.cluster}/${n.name}`;
const workloadRef = (w: ReportWorkload) => `${w.cluster}/${w.namespace}/${w.kind}/${w.name}`;

interface Judgement {
  readonly failing: readonly string[];
  readonly assessed: number;
}

function control(
  id: string,
  framework: string,
  title: string,
  judgement: Judgement,
  limit: number,
  words: { readonly pass: string; readonly fail: (n: number) => string; readonly unit: string },
): ReportControl {
  const { failing, assessed } = judgement;
  let status: ControlStatus;
  let reason: string;
  if (assessed === 0) {
    status = 'not-assessable';
    reason = `No ${words.unit} to assess: the period has no snapshot with findings.`;
  } else if (failing.length === 0) {
    status = 'pass';
    reason = words.pass;
  } else {
    status = 'fail';
    reason = words.fail(failing.length);
  }
  return { id, framework, title, status, reason, evidence: { failing: failing.length, assessed, examples: failing.slice(0, limit) } };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every control, in the order reports show them. */
export function assessControls(input: ControlInput): ReportControl[] {
  const limit = input.evidenceLimit ?? EVIDENCE_LIMIT;
  const namespaces = [...input.namespaces].sort((a, b) => nsRef(a).localeCompare(nsRef(b)));
  // Workloads under an active exception are intentionally exposed: listed apart, never failures.
  const judged = [...input.workloads].filter((w) => w.exceptionId === null).sort((a, b) => workloadRef(a).localeCompare(workloadRef(b)));
  const nsJudgement = (fails: (n: ReportNamespace) => boolean, label: (n: ReportNamespace) => string = nsRef): Judgement => ({
    failing: namespaces.filter(fails).map(label),
    assessed: namespaces.length,
  });
  const workloadJudgement = (fails: (w: ReportWorkload) => boolean): Judgement => ({
    failing: judged.filter(fails).map(workloadRef),
    // Excepted workloads were assessed too: they pass by exception.
    assessed: input.workloads.length,
  });
  const missingDirections = (n: ReportNamespace) =>
    [n.defaultDenyIngress ? undefined : 'ingress', n.defaultDenyEgress ? undefined : 'egress'].filter(Boolean).join(', ');
  const withoutDefaultDeny = (n: ReportNamespace) => !n.defaultDenyIngress || !n.defaultDenyEgress;
  const offendingNamespaces = new Set(judged.filter((w) => w.unprotected || w.exposed).map((w) => `${w.cluster}/${w.namespace}`));

  const cni: ReportControl = {
    id: 'CIS 5.3.1',
    framework: 'CIS Kubernetes Benchmark',
    title: 'Ensure that the CNI in use supports NetworkPolicies',
    status: 'not-assessable',
    reason:
      'Whether the network plugin enforces NetworkPolicies is not visible through the Kubernetes API: Palisade reads the policies, not the data plane. ' +
      'Check the CNI (Calico, Cilium, Antrea... enforce them; flannel alone does not) or run a connectivity probe.',
    evidence: { failing: 0, assessed: input.policies, examples: [] },
  };

  return [
    cni,
    control('CIS 5.3.2', 'CIS Kubernetes Benchmark', 'Ensure that all Namespaces have NetworkPolicies defined', nsJudgement((n) => n.networkPolicies === 0), limit, {
      unit: 'namespaces',
      pass: 'Every namespace has at least one NetworkPolicy.',
      fail: (n) => `${plural(n, 'namespace has', 'namespaces have')} no NetworkPolicy.`,
    }),
    control(
      'NSA/CISA Network separation',
      'NSA/CISA Kubernetes Hardening Guidance',
      'Network separation: a default-deny policy for ingress and egress in every namespace',
      nsJudgement(withoutDefaultDeny, (n) => `${nsRef(n)} (no default deny: ${missingDirections(n)})`),
      limit,
      {
        unit: 'namespaces',
        pass: 'Every namespace denies ingress and egress by default.',
        fail: (n) => `${plural(n, 'namespace lacks', 'namespaces lack')} a default-deny policy in at least one direction.`,
      },
    ),
    control(
      'PCI DSS 1.3.1',
      'PCI DSS v4.0',
      'Inbound traffic to the CDE is restricted to only that which is necessary',
      workloadJudgement((w) => !w.ingressIsolated || w.internetIngress),
      limit,
      {
        unit: 'workloads',
        pass: 'Every workload restricts inbound traffic with a NetworkPolicy and none is reachable from the internet. Palisade cannot tell which namespaces form the CDE, so every namespace in scope was assessed.',
        fail: (n) => `${plural(n, 'workload accepts', 'workloads accept')} unrestricted inbound traffic (not ingress-isolated) or traffic from the internet. Palisade cannot tell which namespaces form the CDE, so every namespace in scope was assessed.`,
      },
    ),
    control('PCI DSS 1.3.2', 'PCI DSS v4.0', 'Outbound traffic from the CDE is restricted to only that which is necessary', workloadJudgement((w) => !w.egressIsolated), limit, {
      unit: 'workloads',
      pass: 'Every workload restricts outbound traffic with a NetworkPolicy. Palisade cannot tell which namespaces form the CDE, so every namespace in scope was assessed.',
      fail: (n) => `${plural(n, 'workload sends', 'workloads send')} outbound traffic unrestricted (not egress-isolated). Palisade cannot tell which namespaces form the CDE, so every namespace in scope was assessed.`,
    }),
    control('NIST SC-7', 'NIST SP 800-53 Rev. 5', 'Boundary protection', workloadJudgement((w) => w.unprotected || w.exposed), limit, {
      unit: 'workloads',
      pass: 'No workload is unprotected or reachable from the internet or from every namespace.',
      fail: (n) => `${plural(n, 'workload is', 'workloads are')} unprotected or reachable from the internet or from every namespace.`,
    }),
    control('NIST SC-7(5)', 'NIST SP 800-53 Rev. 5', 'Deny by default, allow by exception', nsJudgement(withoutDefaultDeny, (n) => `${nsRef(n)} (no default deny: ${missingDirections(n)})`), limit, {
      unit: 'namespaces',
      pass: 'Every namespace denies ingress and egress by default; traffic flows only where a policy allows it.',
      fail: (n) => `${plural(n, 'namespace does', 'namespaces do')} not deny traffic by default in both directions.`,
    }),
    control('SOC 2 CC6.6', 'SOC 2 (2017 TSC)', 'Logical access security measures against threats from sources outside system boundaries', workloadJudgement((w) => w.internetIngress), limit, {
      unit: 'workloads',
      pass: 'No workload accepts connections from the internet.',
      fail: (n) => `${plural(n, 'workload accepts', 'workloads accept')} connections from the internet.`,
    }),
    control(
      'ISO/IEC 27001 A.8.22',
      'ISO/IEC 27001:2022',
      'Segregation of networks',
      { failing: namespaces.map((n) => `${n.cluster}/${n.name}`).filter((ref) => offendingNamespaces.has(ref)), assessed: namespaces.length },
      limit,
      {
        unit: 'namespaces',
        pass: 'Every namespace is segregated: no workload in it is unprotected or reachable from every namespace.',
        fail: (n) => `${plural(n, 'namespace holds', 'namespaces hold')} workloads that are unprotected or reachable from every namespace.`,
      },
    ),
  ];
}
