import {
  describeChangeDetails,
  qualifiedWorkloadRef,
  scoreText,
  workloadRef,
} from './change-details';

describe('describing a change event', () => {
  it('says why a workload became exposed, its score before and after, and marks it an exposure', () => {
    const d = describeChangeDetails({
      kind: 'WORKLOAD_EXPOSED',
      namespace: 'shop',
      workload: 'Deployment/mailer',
      details: {
        reasons: ['reachable from every namespace'],
        scoreBefore: 100,
        score: 40,
        reachableFrom: 12,
        internetIngress: false,
      },
    });

    expect(d).toMatchObject({
      label: 'Workload exposed',
      tone: 'bad',
      severity: 'Exposure',
      workload: { namespace: 'shop', kind: 'Deployment', name: 'mailer' },
      score: { before: 100, after: 40 },
    });
    expect(d.facts).toEqual(['Reachable from every namespace', 'Reachable from 12 workloads']);
    expect(scoreText(d.score!, 'WORKLOAD_EXPOSED')).toBe('100 → 40');
  });

  it('lists the workloads a policy change affected, as links-to-be', () => {
    const d = describeChangeDetails({
      kind: 'POLICY_REMOVED',
      namespace: 'shop',
      policy: 'shop/default-deny-ingress',
      details: {
        policyKind: 'NetworkPolicy',
        affectedWorkloads: ['shop/Deployment/cart', 'shop/Deployment/mailer', 'bogus'],
      },
    });

    expect(d).toMatchObject({
      label: 'Policy removed',
      severity: 'Change',
      policy: 'shop/default-deny-ingress',
      facts: ['NetworkPolicy'],
    });
    expect(d.affected).toEqual([
      { namespace: 'shop', kind: 'Deployment', name: 'cart' },
      { namespace: 'shop', kind: 'Deployment', name: 'mailer' },
    ]);
    expect(d.workload).toBeUndefined();
  });

  it('reads the cluster score change from before/after and a protection as a protection', () => {
    const score = describeChangeDetails({
      kind: 'SCORE_CHANGED',
      details: { scope: 'cluster', before: 71, after: 64, delta: -7 },
    });
    expect(scoreText(score.score!, 'SCORE_CHANGED')).toBe('71 → 64');

    const protectedOne = describeChangeDetails({
      kind: 'WORKLOAD_PROTECTED',
      namespace: 'analytics',
      workload: 'Deployment/report-api',
      details: { scoreBefore: null, score: 90 },
    });
    expect(protectedOne).toMatchObject({ tone: 'good', severity: 'Protection' });
    expect(scoreText(protectedOne.score!, 'WORKLOAD_PROTECTED')).toBe('— → 90');
  });

  it('is about the namespace itself when a namespace loses its default deny', () => {
    const d = describeChangeDetails({
      kind: 'NAMESPACE_LOST_DEFAULT_DENY',
      namespace: 'shop',
      details: { direction: 'Ingress' },
    });
    expect(d).toMatchObject({ namespace: 'shop', facts: ['Ingress default deny'], tone: 'bad' });
  });

  it('parses workload ids, refusing what is not Kind/name', () => {
    expect(workloadRef('shop', 'Deployment/mailer')).toEqual({
      namespace: 'shop',
      kind: 'Deployment',
      name: 'mailer',
    });
    expect(workloadRef('shop', 'mailer')).toBeUndefined();
    expect(workloadRef(undefined, 'Deployment/mailer')).toBeUndefined();
    expect(qualifiedWorkloadRef('a/StatefulSet/db')).toEqual({
      namespace: 'a',
      kind: 'StatefulSet',
      name: 'db',
    });
  });
});
