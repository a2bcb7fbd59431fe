import type { ReportNamespace, ReportWorkload } from '@palisade/api-contract';
import type { ClusterHistory, FindingRow } from './report-builder';

/** Small builders for report specs. */

/**
 * The text of a PDF, read back with pdf-parse (its library file: the package entry runs a
 * self-test when required without a parent module).
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;
  return (await parse(pdf)).text;
}

export function namespaceRow(name: string, policies: number, ingress: boolean, egress: boolean): ReportNamespace {
  return { cluster: 'prod', name, score: 50, pods: 2, workloads: 1, networkPolicies: policies, defaultDenyIngress: ingress, defaultDenyEgress: egress };
}

export function workloadRow(namespace: string, name: string, over: Partial<ReportWorkload> = {}): ReportWorkload {
  return {
    cluster: 'prod',
    namespace,
    kind: 'Deployment',
    name,
    score: 100,
    ingressIsolated: true,
    egressIsolated: true,
    unprotected: false,
    exposed: false,
    internetIngress: false,
    internetEgress: false,
    reachableFrom: 0,
    owner: null,
    labels: {},
    exceptionId: null,
    findings: [],
    ...over,
  };
}

export function finding(namespace: string, name: string, over: Partial<FindingRow> = {}): FindingRow {
  return {
    scope: 'Workload',
    namespace,
    kind: 'Deployment',
    name,
    score: 100,
    ingressIsolated: true,
    egressIsolated: true,
    reachableFrom: 0,
    internetIngress: false,
    internetExposure: 'none',
    exposed: false,
    unprotected: false,
    details: { pods: 1, internetEgress: false, policies: [] },
    ...over,
  };
}

export function namespaceFinding(namespace: string, policies: number, ingress: boolean, egress: boolean): FindingRow {
  return {
    scope: 'Namespace',
    namespace,
    kind: '',
    name: '',
    score: 50,
    ingressIsolated: ingress,
    egressIsolated: egress,
    reachableFrom: 0,
    internetIngress: false,
    internetExposure: 'none',
    exposed: false,
    unprotected: false,
    details: { pods: 1, workloads: 1, networkPolicies: policies, defaultDenyIngress: ingress, defaultDenyEgress: egress },
  };
}

export const FROM = new Date('2026-01-05T00:00:00Z');
export const TO = new Date('2026-01-12T00:00:00Z');

/** A cluster "prod" whose score went from 40 to 72.5, with a hostile label on one workload. */
export function history(over: Partial<ClusterHistory> = {}): ClusterHistory {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'prod',
    start: { seq: 1, takenAt: FROM, score: 40, pods: 4, policies: 1, ingressIsolatedPercent: 25, egressIsolatedPercent: 0, cni: null },
    end: { seq: 9, takenAt: new Date('2026-01-11T23:55:00Z'), score: 72.5, pods: 4, policies: 3, ingressIsolatedPercent: 75, egressIsolatedPercent: 50, cni: 'calico' },
    series: [
      { at: FROM, score: 40 },
      { at: new Date('2026-01-08T00:00:00Z'), score: 60 },
      { at: new Date('2026-01-11T23:55:00Z'), score: 72.5 },
    ],
    findings: [
      namespaceFinding('shop', 2, true, true),
      namespaceFinding('legacy', 0, false, false),
      finding('shop', 'api', { score: 90 }),
      finding('legacy', 'admin', {
        score: 0,
        ingressIsolated: false,
        egressIsolated: false,
        unprotected: true,
        exposed: true,
        internetIngress: true,
        internetExposure: 'published',
        details: { pods: 1, internetEgress: false, policies: [], entryPoints: [{ kind: 'LoadBalancer', name: 'legacy/admin', port: 443, protocol: 'TCP', targetPort: 8443, admitted: true }] },
      }),
    ],
    labels: new Map<string, Record<string, string>>([
      ['legacy/Deployment/admin', { team: '<script>alert(1)</script>', app: 'admin' }],
      ['shop/Deployment/api', { owner: '=HYPERLINK("http://evil")', app: 'api' }],
    ]),
    changes: [
      { at: new Date('2026-01-06T10:00:00Z'), kind: 'WORKLOAD_EXPOSED', namespace: 'legacy', workload: 'Deployment/admin', policy: null, details: { reasons: ['lost ingress isolation'] } },
      { at: new Date('2026-01-07T10:00:00Z'), kind: 'POLICY_ADDED', namespace: 'shop', workload: null, policy: 'shop/default-deny', details: { policyKind: 'NetworkPolicy', affectedWorkloads: [] } },
      { at: new Date('2026-01-07T10:00:00Z'), kind: 'WORKLOAD_PROTECTED', namespace: 'shop', workload: 'Deployment/api', policy: null, details: { scoreBefore: 0, score: 90 } },
    ],
    // On Calico: the NetworkPolicy and the Calico policy count, the CiliumNetworkPolicy left from a migration does not.
    policies: [
      { kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny', data: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: 'shop', name: 'default-deny' }, spec: { podSelector: {} } } },
      { kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'api-l7', data: { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { namespace: 'shop', name: 'api-l7' }, spec: { endpointSelector: {} } } },
      { kind: 'CalicoStagedNetworkPolicy', namespace: 'shop', name: 'trial', data: { apiVersion: 'projectcalico.org/v3', kind: 'StagedNetworkPolicy', metadata: { namespace: 'shop', name: 'trial' }, spec: { selector: 'all()' } } },
    ],
    ...over,
  };
}
