import { splitDiff, type DiffChange } from './diff-sections';

const c = (kind: DiffChange['kind'], extra: Partial<DiffChange> = {}): DiffChange => ({
  kind,
  details: {},
  ...extra,
});

describe('splitting a snapshot diff into sections', () => {
  it('puts every change in exactly one section, in the fixed order', () => {
    const sections = splitDiff([
      c('SCORE_CHANGED'),
      c('POLICY_REMOVED', { namespace: 'shop', policy: 'shop/default-deny-ingress' }),
      c('WORKLOAD_EXPOSED', { namespace: 'shop', workload: 'Deployment/mailer' }),
      c('WORKLOAD_UNPROTECTED', { namespace: 'shop', workload: 'Deployment/web' }),
      c('WORKLOAD_ADDED_UNPROTECTED', {
        namespace: 'analytics',
        workload: 'Deployment/report-api',
      }),
      c('NAMESPACE_LOST_DEFAULT_DENY', { namespace: 'shop' }),
      c('WORKLOAD_PROTECTED', { namespace: 'analytics', workload: 'Deployment/report-api' }),
      c('POLICY_ADDED', { namespace: 'analytics', policy: 'analytics/report-api' }),
      c('POLICY_CHANGED', { namespace: 'shop', policy: 'shop/web' }),
      c('WORKLOAD_REMOVED', { namespace: 'shop', workload: 'Deployment/old' }),
    ]);

    expect(sections.map((s) => [s.title, s.changes.map((x) => x.kind)])).toEqual([
      // Sorted by subject within a section: analytics before shop.
      ['Became exposed or unprotected', ['WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_EXPOSED', 'WORKLOAD_UNPROTECTED']],
      ['Became protected', ['WORKLOAD_PROTECTED']],
      ['Policies added', ['POLICY_ADDED']],
      ['Policies removed', ['POLICY_REMOVED']],
      ['Policies changed', ['POLICY_CHANGED']],
      ['Other', ['SCORE_CHANGED', 'NAMESPACE_LOST_DEFAULT_DENY', 'WORKLOAD_REMOVED']],
    ]);
  });

  it('keeps empty sections, so the page can say there were none', () => {
    const sections = splitDiff([]);
    expect(sections).toHaveLength(6);
    expect(sections.every((s) => s.changes.length === 0)).toBe(true);
  });
});
