import { AlertCandidate, candidatesOf } from '../alert-kinds';
import { effectiveRules, firstMatch, ruleMatches, RuleSpec } from './alert-rule';

const CLUSTER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const rule = (over: Partial<RuleSpec> = {}): RuleSpec => ({
  id: 'r1',
  kinds: ['WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_EXPOSED'],
  clusterId: null,
  namespace: null,
  matchLabels: null,
  severity: 'warning',
  channelIds: ['c1'],
  ...over,
});

const added = (namespace: string, internetExposure = 'policy-only'): AlertCandidate[] =>
  candidatesOf({ kind: 'WORKLOAD_ADDED_UNPROTECTED', namespace, workload: 'Deployment/web', details: { internetIngress: true, internetExposure } });

describe('alert candidates from change events', () => {
  it('derives internet exposure first for a published workload (not for one its policies merely open), and only drops for score changes', () => {
    expect(added('shop', 'published').map((c) => c.kind)).toEqual(['INTERNET_EXPOSURE', 'WORKLOAD_ADDED_UNPROTECTED']);
    expect(added('shop', 'policy-only').map((c) => c.kind)).toEqual(['WORKLOAD_ADDED_UNPROTECTED']);
    expect(added('shop')[0]).toMatchObject({ kind: 'WORKLOAD_ADDED_UNPROTECTED', subject: 'shop/Deployment/web' });
    expect(candidatesOf({ kind: 'SCORE_CHANGED', details: { delta: -12 } }).map((c) => c.kind)).toEqual(['SCORE_DROPPED']);
    expect(candidatesOf({ kind: 'SCORE_CHANGED', details: { delta: 12 } })).toEqual([]);
    expect(candidatesOf({ kind: 'WORKLOAD_PROTECTED', namespace: 'shop', workload: 'Deployment/web', details: {} })).toEqual([]);
    expect(candidatesOf({ kind: 'NAMESPACE_LOST_DEFAULT_DENY', namespace: 'shop', details: { direction: 'Ingress' } })[0].subject).toBe('shop:Ingress');
    expect(candidatesOf({ kind: 'POLICY_REMOVED', namespace: 'shop', policy: 'shop/deny', details: {} })[0].subject).toBe('policy:shop/deny');
  });
});

describe('rule matching', () => {
  it('matches on kind', () => {
    expect(ruleMatches(rule(), CLUSTER, added('shop')[0], undefined)).toBe(true);
    expect(ruleMatches(rule({ kinds: ['POLICY_REMOVED'] }), CLUSTER, added('shop')[0], undefined)).toBe(false);
  });

  it('matches on cluster when the rule names one', () => {
    expect(ruleMatches(rule({ clusterId: CLUSTER }), CLUSTER, added('shop')[0], undefined)).toBe(true);
    expect(ruleMatches(rule({ clusterId: OTHER }), CLUSTER, added('shop')[0], undefined)).toBe(false);
  });

  it('matches namespaces exactly or by glob, and never matches a candidate without a namespace', () => {
    expect(ruleMatches(rule({ namespace: 'shop' }), CLUSTER, added('shop')[0], undefined)).toBe(true);
    expect(ruleMatches(rule({ namespace: 'shop' }), CLUSTER, added('shopping')[0], undefined)).toBe(false);
    expect(ruleMatches(rule({ namespace: 'team-*' }), CLUSTER, added('team-a')[0], undefined)).toBe(true);
    expect(ruleMatches(rule({ namespace: 'team-*' }), CLUSTER, added('teamx')[0], undefined)).toBe(false);
    expect(ruleMatches(rule({ namespace: 'team-?' }), CLUSTER, added('team-ab')[0], undefined)).toBe(false);
    expect(ruleMatches(rule({ namespace: 'a.b' }), CLUSTER, added('axb')[0], undefined)).toBe(false);
    const drop = candidatesOf({ kind: 'SCORE_CHANGED', details: { delta: -10 } })[0];
    expect(ruleMatches(rule({ kinds: ['SCORE_DROPPED'], namespace: 'shop' }), CLUSTER, drop, undefined)).toBe(false);
    expect(ruleMatches(rule({ kinds: ['SCORE_DROPPED'] }), CLUSTER, drop, undefined)).toBe(true);
  });

  it('matches workload labels: every label of the rule, and never a workload whose labels are unknown', () => {
    const r = rule({ matchLabels: { team: 'payments', tier: 'web' } });
    expect(ruleMatches(r, CLUSTER, added('shop')[0], { team: 'payments', tier: 'web', app: 'x' })).toBe(true);
    expect(ruleMatches(r, CLUSTER, added('shop')[0], { team: 'payments' })).toBe(false);
    expect(ruleMatches(r, CLUSTER, added('shop')[0], undefined)).toBe(false);
  });

  it('takes the most specific kind the rule watches', () => {
    const both = added('shop', 'published');
    expect(firstMatch(rule({ kinds: ['INTERNET_EXPOSURE', 'WORKLOAD_ADDED_UNPROTECTED'] }), CLUSTER, both, () => undefined)?.kind).toBe('INTERNET_EXPOSURE');
    expect(firstMatch(rule(), CLUSTER, both, () => undefined)?.kind).toBe('WORKLOAD_ADDED_UNPROTECTED');
  });

  it('adds a built-in rule for the default webhook only when no rule is configured', () => {
    expect(effectiveRules([], 0, true)).toEqual([expect.objectContaining({ id: 'default', channelIds: ['default'], kinds: expect.arrayContaining(['SCORE_DROPPED', 'INTERNET_EXPOSURE']) })]);
    expect(effectiveRules([], 0, false)).toEqual([]);
    // A configured (even disabled) rule replaces the built-in one.
    expect(effectiveRules([], 1, true)).toEqual([]);
  });
});
