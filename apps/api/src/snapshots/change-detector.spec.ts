import { ChangeInput, detectChanges } from './change-detector';
import { hashOf, ObjectState, ScoreState, scoreKey, stateKey } from './snapshot-state';

function workload(name: string, patch: Partial<ScoreState> = {}, policies: string[] = []): ScoreState {
  return {
    scope: 'Workload',
    namespace: 'shop',
    kind: 'Deployment',
    name,
    score: 80,
    ingressIsolated: true,
    egressIsolated: false,
    reachableFrom: 1,
    internetIngress: false,
    internetExposure: 'none',
    exposed: false,
    unprotected: false,
    details: { pods: 1, policies },
    ...patch,
  };
}

function namespace(defaultDenyIngress: boolean): ScoreState {
  return { ...workload(''), scope: 'Namespace', kind: '', name: '', details: { defaultDenyIngress, defaultDenyEgress: false } };
}

function policy(name: string, spec: unknown): ObjectState {
  return { kind: 'NetworkPolicy', namespace: 'shop', name, hash: hashOf(spec), data: spec };
}

function input(scores: ScoreState[], policies: ObjectState[] = [], clusterScore: number | null = 50): ChangeInput {
  return {
    scores: new Map(scores.map((s) => [scoreKey(s), s])),
    policies: new Map(policies.map((p) => [stateKey(p), p])),
    clusterScore,
  };
}

describe('detectChanges', () => {
  it('reports nothing for an unchanged cluster', () => {
    const state = input([workload('web'), namespace(true)], [policy('deny', { a: 1 })]);
    expect(detectChanges(state, state, 5)).toEqual([]);
  });

  it('reports a workload added without ingress isolation, but not a protected one', () => {
    const after = input([workload('web'), workload('new', { unprotected: true, ingressIsolated: false, exposed: true })]);
    const events = detectChanges(input([workload('web')]), after, 5);
    expect(events).toEqual([expect.objectContaining({ kind: 'WORKLOAD_ADDED_UNPROTECTED', namespace: 'shop', workload: 'Deployment/new' })]);
    expect(detectChanges(input([]), input([workload('safe')]), 5)).toEqual([]);
  });

  const loadBalancer = { kind: 'LoadBalancer', name: 'shop/web', port: 443, protocol: 'TCP', targetPort: 8443, admitted: true };
  const closedIngress = { kind: 'Ingress', name: 'shop/web', port: 80, protocol: 'TCP', host: 'shop.example.com', targetPort: 8080, admitted: false };
  const published = (name: string) =>
    workload(name, { internetIngress: true, internetExposure: 'published', exposed: true, details: { pods: 1, policies: [], entryPoints: [loadBalancer, closedIngress] } });

  it('reports a workload added isolated but published to the internet as exposed, naming the door', () => {
    const events = detectChanges(input([]), input([published('public')]), 5);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'WORKLOAD_EXPOSED',
        workload: 'Deployment/public',
        details: expect.objectContaining({ reasons: ['added published to the internet through LoadBalancer shop/web:443'], internetExposure: 'published', entryPoints: [loadBalancer] }),
      }),
    ]);
  });

  it('reports exposure with its reason: lost isolation, published, every namespace', () => {
    const lost = detectChanges(input([workload('web')]), input([workload('web', { unprotected: true, ingressIsolated: false, exposed: true })]), 5);
    expect(lost).toContainEqual(expect.objectContaining({ kind: 'WORKLOAD_EXPOSED', details: expect.objectContaining({ reasons: ['lost ingress isolation'] }) }));
    const internet = detectChanges(input([workload('web')]), input([published('web')]), 5);
    expect(internet[0].details['reasons']).toEqual(['published to the internet through LoadBalancer shop/web:443']);
    const everywhere = detectChanges(input([workload('web')]), input([workload('web', { exposed: true })]), 5);
    expect(everywhere[0].details['reasons']).toEqual(['became reachable from every namespace']);
  });

  it('does not call a workload exposed when the policies admit the internet but no door leads there', () => {
    const policyOnly = workload('db', { internetIngress: true, internetExposure: 'policy-only' });
    expect(detectChanges(input([workload('db')]), input([policyOnly]), 5)).toEqual([]);
  });

  it('reports a workload that lost its isolation without becoming exposed as unprotected', () => {
    const lost = workload('db', { unprotected: true, ingressIsolated: false, internetIngress: true, internetExposure: 'policy-only' });
    expect(detectChanges(input([workload('db')]), input([lost]), 5)).toEqual([
      expect.objectContaining({ kind: 'WORKLOAD_UNPROTECTED', workload: 'Deployment/db', details: expect.objectContaining({ internetExposure: 'policy-only' }) }),
    ]);
  });

  it('reports a workload that became protected, and one removed', () => {
    const before = input([workload('web', { unprotected: true, ingressIsolated: false }), workload('old')]);
    const events = detectChanges(before, input([workload('web')]), 5);
    expect(events.map((e) => [e.kind, e.workload])).toEqual([
      ['WORKLOAD_PROTECTED', 'Deployment/web'],
      ['WORKLOAD_REMOVED', 'Deployment/old'],
    ]);
  });

  it('reports namespaces losing or gaining a default deny', () => {
    expect(detectChanges(input([namespace(true)]), input([namespace(false)]), 5)).toEqual([
      { kind: 'NAMESPACE_LOST_DEFAULT_DENY', namespace: 'shop', details: { direction: 'Ingress' } },
    ]);
    expect(detectChanges(input([namespace(false)]), input([namespace(true)]), 5)[0].kind).toBe('NAMESPACE_GAINED_DEFAULT_DENY');
  });

  it('reports policies added, changed and removed with the workloads whose isolation they changed', () => {
    const isolated = workload('web', {}, ['shop/allow-web']);
    const open = workload('web', { unprotected: true, ingressIsolated: false, exposed: true });
    const removed = detectChanges(input([isolated], [policy('allow-web', { v: 1 })]), input([open], []), 5);
    expect(removed).toContainEqual({
      kind: 'POLICY_REMOVED',
      namespace: 'shop',
      policy: 'shop/allow-web',
      details: { policyKind: 'NetworkPolicy', affectedWorkloads: ['shop/Deployment/web'] },
    });
    const added = detectChanges(input([open], []), input([isolated], [policy('allow-web', { v: 1 })]), 5);
    expect(added).toContainEqual(expect.objectContaining({ kind: 'POLICY_ADDED', policy: 'shop/allow-web' }));
    const changed = detectChanges(input([isolated], [policy('allow-web', { v: 1 })]), input([isolated], [policy('allow-web', { v: 2 })]), 5);
    expect(changed).toEqual([expect.objectContaining({ kind: 'POLICY_CHANGED', details: { policyKind: 'NetworkPolicy', affectedWorkloads: [] } })]);
  });

  it('reports the cluster score moving by more than the threshold only', () => {
    expect(detectChanges(input([], [], 50), input([], [], 54), 5)).toEqual([]);
    expect(detectChanges(input([], [], 50), input([], [], 40), 5)).toEqual([
      { kind: 'SCORE_CHANGED', details: { scope: 'cluster', before: 50, after: 40, delta: -10 } },
    ]);
  });
});
