import { describeChange } from './change-text';

describe('describeChange', () => {
  it('names a workload by namespace, kind and name', () => {
    expect(
      describeChange({
        kind: 'WORKLOAD_EXPOSED',
        namespace: 'shop',
        workload: 'Deployment/mailer',
        details: {},
      }),
    ).toMatchObject({ subject: 'shop/Deployment/mailer', tone: 'bad' });
  });

  it('names a policy by its id, which already holds the namespace or the kind', () => {
    expect(
      describeChange({
        kind: 'POLICY_REMOVED',
        namespace: 'shop',
        policy: 'shop/default-deny',
        details: {},
      }).subject,
    ).toBe('shop/default-deny');
    expect(
      describeChange({ kind: 'POLICY_ADDED', policy: 'AdminNetworkPolicy/scrape', details: {} })
        .subject,
    ).toBe('AdminNetworkPolicy/scrape');
  });

  it('names a namespace, and a score change by its figures', () => {
    expect(
      describeChange({ kind: 'NAMESPACE_LOST_DEFAULT_DENY', namespace: 'shop', details: {} })
        .subject,
    ).toBe('shop');
    expect(
      describeChange({ kind: 'SCORE_CHANGED', details: { scoreBefore: 70, score: 52 } }).subject,
    ).toBe('70 → 52');
  });
});
