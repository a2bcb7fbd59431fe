import { addNotices, exposureNotices } from './exposure-notices';

describe('exposure notices', () => {
  it('raises one for an exposed workload and for one added unprotected and already exposed', () => {
    const notices = exposureNotices({
      clusterId: 'c',
      source: 'live',
      changes: [
        {
          kind: 'WORKLOAD_EXPOSED',
          at: 't1',
          namespace: 'shop',
          workload: 'Deployment/mailer',
          details: {},
        },
        {
          kind: 'WORKLOAD_ADDED_UNPROTECTED',
          at: 't2',
          namespace: 'a',
          workload: 'Deployment/x',
          details: { exposed: true },
        },
        {
          kind: 'WORKLOAD_ADDED_UNPROTECTED',
          at: 't3',
          namespace: 'a',
          workload: 'Deployment/y',
          details: { exposed: false },
        },
        {
          kind: 'POLICY_REMOVED',
          at: 't4',
          namespace: 'shop',
          policy: 'default-deny',
          details: {},
        },
      ],
    });

    expect(notices).toEqual([
      {
        key: 'shop/Deployment/mailer',
        namespace: 'shop',
        kind: 'Deployment',
        name: 'mailer',
        at: 't1',
      },
      { key: 'a/Deployment/x', namespace: 'a', kind: 'Deployment', name: 'x', at: 't2' },
    ]);
  });

  it('ignores stored changes, which repeat the live ones', () => {
    expect(
      exposureNotices({
        clusterId: 'c',
        source: 'stored',
        changes: [
          {
            kind: 'WORKLOAD_EXPOSED',
            at: 't',
            namespace: 'shop',
            workload: 'Deployment/mailer',
            details: {},
          },
        ],
      }),
    ).toEqual([]);
  });

  it('keeps one notice per workload, newest first', () => {
    const mailer = {
      key: 'shop/Deployment/mailer',
      namespace: 'shop',
      kind: 'Deployment',
      name: 'mailer',
      at: 't1',
    };
    const cart = { ...mailer, key: 'shop/Deployment/cart', name: 'cart', at: 't2' };

    expect(
      addNotices([mailer, cart], [{ ...mailer, at: 't3' }]).map((n) => [n.name, n.at]),
    ).toEqual([
      ['mailer', 't3'],
      ['cart', 't2'],
    ]);
  });
});
