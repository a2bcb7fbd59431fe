import { audit, scorePod } from '../src';
import { all, newCluster, newNetworkPolicy, newPod, sel } from './factories';

const base = { reachableFrom: 0, reachableTo: 0, otherPods: 10, internetIngress: false, internetEgress: false };

describe('the pod score formula', () => {
  it('is 0 for a pod isolated in neither direction', () => {
    expect(scorePod({ ...base, ingressIsolated: false, egressIsolated: false }).score).toBe(0);
  });
  it('weighs ingress 0.7 and egress 0.3', () => {
    expect(scorePod({ ...base, ingressIsolated: true, egressIsolated: false }).score).toBe(70);
    expect(scorePod({ ...base, ingressIsolated: false, egressIsolated: true }).score).toBe(30);
    expect(scorePod({ ...base, ingressIsolated: true, egressIsolated: true }).score).toBe(100);
  });
  it('subtracts the share of other pods that can reach the pod', () => {
    const s = scorePod({ ...base, ingressIsolated: true, egressIsolated: true, reachableFrom: 5, reachableTo: 2 });
    expect(s.ingress).toBeCloseTo(0.5);
    expect(s.egress).toBeCloseTo(0.8);
    expect(s.score).toBe(Math.round(100 * (0.7 * 0.5 + 0.3 * 0.8)));
  });
  it('halves ingress when the internet can reach the pod and takes egress x0.75 when it can reach the internet', () => {
    const s = scorePod({ ...base, ingressIsolated: true, egressIsolated: true, internetIngress: true, internetEgress: true });
    expect(s.ingress).toBeCloseTo(0.5);
    expect(s.egress).toBeCloseTo(0.75);
    expect(s.score).toBe(58); // round(100 x (0.35 + 0.225)) = round(57.5)
  });
  it('treats an isolated pod alone in its cluster as unreachable', () => {
    expect(scorePod({ ...base, otherPods: 0, ingressIsolated: true, egressIsolated: true }).score).toBe(100);
  });
});

describe('audit', () => {
  const pods = [
    newPod('shop/web-1', { labels: { app: 'web' }, ip: '10.0.0.1' }),
    newPod('shop/web-2', { labels: { app: 'web' }, ip: '10.0.0.2' }),
    newPod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.3' }),
    newPod('open/app', { labels: { app: 'app' }, ip: '10.0.1.1' }),
    newPod('kube-system/dns', { labels: { k8s: 'dns' }, ip: '10.0.2.1' }),
  ].map((p) => (p.name.startsWith('web') ? { ...p, workload: { kind: 'Deployment' as const, name: 'web' } } : p));
  const model = newCluster({
    pods,
    networkPolicies: [
      newNetworkPolicy('shop/default-deny', { podSelector: all, policyTypes: ['Ingress', 'Egress'] }),
      newNetworkPolicy('shop/web-from-anywhere-in-cluster', {
        podSelector: sel({ app: 'web' }),
        ingress: [{ peers: [{ namespaceSelector: all }], ports: [] }],
      }),
    ],
  });
  const report = audit(model);
  const pod = (name: string) => report.pods.find((p) => `${p.namespace}/${p.name}` === name)!;

  it('excludes system namespaces from scores by default but counts their pods as peers', () => {
    expect(report.pods.map((p) => p.namespace)).not.toContain('kube-system');
    expect(report.cluster.podsInCluster).toBe(5);
    // open/app and kube-system/dns; web-2 and db cannot leave shop (default-deny egress).
    expect(pod('shop/web-1').reachableFrom).toBe(2);
  });

  it('counts who can reach each pod and derives the score from the formula', () => {
    expect(pod('shop/db').ingressIsolated).toBe(true);
    expect(pod('shop/db').reachableFrom).toBe(0);
    expect(pod('shop/db').reachableTo).toBe(0);
    expect(pod('shop/db').score).toBe(100);
    expect(pod('shop/db').policies).toEqual(['shop/default-deny']);
    expect(pod('open/app').score).toBe(0);
  });

  it('calls a pod unprotected when nothing isolates its ingress, exposed when every other namespace reaches it', () => {
    expect(pod('open/app').unprotected).toBe(true);
    // Its policies admit the internet, but no entry point leads there; shop cannot reach it (default-deny egress).
    expect(pod('open/app').internetIngress).toBe(true);
    expect(pod('open/app').internetExposure).toBe('policy-only');
    expect(pod('open/app').exposed).toBe(false);
    expect(pod('shop/web-1').unprotected).toBe(false);
    expect(pod('shop/web-1').reachableFromEveryNamespace).toBe(true);
    expect(pod('shop/web-1').exposed).toBe(true);
    expect(pod('shop/db').exposed).toBe(false);
  });

  it('aggregates workloads, namespaces and the cluster as means over pods', () => {
    const web = report.workloads.find((w) => w.name === 'web')!;
    expect(web.kind).toBe('Deployment');
    expect(web.pods).toBe(2);
    expect(web.score).toBe(pod('shop/web-1').score);
    const shop = report.namespaces.find((n) => n.name === 'shop')!;
    expect(shop.defaultDenyIngress).toBe(true);
    expect(shop.defaultDenyEgress).toBe(true);
    expect(shop.score).toBeCloseTo((2 * pod('shop/web-1').score + 100) / 3, 1);
    expect(report.namespaces.find((n) => n.name === 'open')!.defaultDenyIngress).toBe(false);
    expect(report.cluster.score).toBeCloseTo((2 * pod('shop/web-1').score + 100 + 0) / 4, 1);
    expect(report.cluster.unprotectedWorkloads).toBe(1);
    expect(report.cluster.ingressIsolatedPercent).toBe(75);
  });

  it('can score system namespaces on request', () => {
    expect(audit(model, { excludeNamespaces: [] }).pods.map((p) => p.namespace)).toContain('kube-system');
  });

  it('treats configured cluster CIDRs as not-internet', () => {
    const cidrModel = newCluster({
      pods: [newPod('a/p', { ip: '10.0.0.1' })],
      networkPolicies: [newNetworkPolicy('a/from-corp', { podSelector: all, ingress: [{ peers: [{ ipBlock: { cidr: '100.100.0.0/16', except: [] } }], ports: [] }] })],
    });
    expect(audit(cidrModel).pods[0].internetIngress).toBe(false); // 100.64/10 is shared space, not internet
    const publicModel = newCluster({
      pods: [newPod('a/p', { ip: '10.0.0.1' })],
      networkPolicies: [newNetworkPolicy('a/from-corp', { podSelector: all, ingress: [{ peers: [{ ipBlock: { cidr: '34.0.0.0/8', except: [] } }], ports: [] }] })],
    });
    expect(audit(publicModel).pods[0].internetIngress).toBe(true);
    expect(audit(publicModel, { clusterCidrs: ['34.0.0.0/8'] }).pods[0].internetIngress).toBe(false);
  });
});
