import { conditionHolds } from './alert-condition';

describe('whether an alert condition still holds in the latest state', () => {
  const workload = (o: Partial<{ exposed: boolean; unprotected: boolean; internetExposure: string }>) => ({
    workload: { exposed: false, unprotected: false, internetExposure: 'none', ...o },
  });

  it('workload kinds: while unprotected, exposed or internet-reachable; never once the workload is gone', () => {
    expect(conditionHolds('WORKLOAD_ADDED_UNPROTECTED', {}, workload({ unprotected: true }), 5)).toBe(true);
    expect(conditionHolds('WORKLOAD_ADDED_UNPROTECTED', {}, workload({}), 5)).toBe(false);
    expect(conditionHolds('WORKLOAD_EXPOSED', {}, workload({ exposed: true }), 5)).toBe(true);
    expect(conditionHolds('INTERNET_EXPOSURE', {}, workload({ unprotected: true }), 5)).toBe(false);
    expect(conditionHolds('INTERNET_EXPOSURE', {}, workload({ internetExposure: 'published' }), 5)).toBe(true);
    // The policies admitting the internet open no door by themselves.
    expect(conditionHolds('INTERNET_EXPOSURE', {}, workload({ internetExposure: 'policy-only' }), 5)).toBe(false);
    expect(conditionHolds('WORKLOAD_ADDED_UNPROTECTED', {}, { workload: null }, 5)).toBe(false);
  });

  it('namespace default deny: per direction', () => {
    expect(conditionHolds('NAMESPACE_LOST_DEFAULT_DENY', { direction: 'Ingress' }, { namespace: { defaultDenyIngress: false, defaultDenyEgress: true } }, 5)).toBe(true);
    expect(conditionHolds('NAMESPACE_LOST_DEFAULT_DENY', { direction: 'Ingress' }, { namespace: { defaultDenyIngress: true } }, 5)).toBe(false);
    expect(conditionHolds('NAMESPACE_LOST_DEFAULT_DENY', { direction: 'Egress' }, { namespace: null }, 5)).toBe(false);
  });

  it('policy removed: until the policy is back; score dropped: until the drop is within the threshold', () => {
    expect(conditionHolds('POLICY_REMOVED', {}, { policyPresent: false }, 5)).toBe(true);
    expect(conditionHolds('POLICY_REMOVED', {}, { policyPresent: true }, 5)).toBe(false);
    expect(conditionHolds('SCORE_DROPPED', { before: 80, after: 60 }, { clusterScore: 70 }, 5)).toBe(true);
    expect(conditionHolds('SCORE_DROPPED', { before: 80, after: 60 }, { clusterScore: 76 }, 5)).toBe(false);
    expect(conditionHolds('SCORE_DROPPED', { before: 80, after: 60 }, { clusterScore: null }, 5)).toBe(false);
  });
});
