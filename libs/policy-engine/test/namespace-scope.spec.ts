import { parseCalicoSelector } from '@palisade/cluster-model';
import { calicoScope, ciliumScope } from '../src/lib/namespace-scope';

const namespaces = new Map([
  ['shop', { 'kubernetes.io/metadata.name': 'shop', team: 'web' }],
  ['pay', { 'kubernetes.io/metadata.name': 'pay', team: 'money' }],
  ['ops', { 'kubernetes.io/metadata.name': 'ops', team: 'web' }],
]);

const names = (scope: ReturnType<typeof ciliumScope>) => (scope === null ? null : { namespaces: [...scope.namespaces].sort(), ownLabels: scope.ownLabels });

describe('the namespaces a selector can match', () => {
  it('Cilium: its namespace requirement, its namespace-label requirements, both intersected', () => {
    const req = (key: string, values: string[], source: 'k8s' | 'any' | 'reserved' = 'k8s', operator: 'In' | 'NotIn' = 'In') => ({ source, key, operator, values });
    expect(names(ciliumScope({ requirements: [req('io.kubernetes.pod.namespace', ['shop']), req('app', ['web'])], text: '' }, namespaces))).toEqual({ namespaces: ['shop'], ownLabels: [] });
    expect(names(ciliumScope({ requirements: [req('io.cilium.k8s.namespace.labels.team', ['web'], 'any')], text: '' }, namespaces))).toEqual({ namespaces: ['ops', 'shop'], ownLabels: [] });
    expect(
      names(ciliumScope({ requirements: [req('io.cilium.k8s.namespace.labels.team', ['web']), req('io.kubernetes.pod.namespace', ['ops', 'pay'])], text: '' }, namespaces)),
    ).toEqual({ namespaces: ['ops'], ownLabels: [] });
    // NotIn, other sources and other keys do not narrow the namespaces.
    expect(ciliumScope({ requirements: [req('io.kubernetes.pod.namespace', ['shop'], 'k8s', 'NotIn'), req('app', ['web'])], text: '' }, namespaces)).toBeNull();
    expect(ciliumScope({ requirements: [req('io.kubernetes.pod.namespace', ['shop'], 'reserved')], text: '' }, namespaces)).toBeNull();
  });

  it('Calico: namespace terms under && and ||; pcns. keys keep the pods labelled with them as candidates', () => {
    const scope = (text: string) => {
      const parsed = parseCalicoSelector(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return names(calicoScope(parsed.selector.expression, namespaces));
    };
    expect(scope("app == 'web' && projectcalico.org/namespace == 'shop'")).toEqual({ namespaces: ['shop'], ownLabels: [] });
    expect(scope("pcns.team == 'web'")).toEqual({ namespaces: ['ops', 'shop'], ownLabels: ['pcns.team'] });
    expect(scope("projectcalico.org/namespace in {'shop', 'pay'} || pcns.projectcalico.org/name == 'ops'")).toEqual({
      namespaces: ['ops', 'pay', 'shop'],
      ownLabels: ['pcns.projectcalico.org/name'],
    });
    // One side of || without a namespace, a negation, or no namespace term at all: any namespace.
    expect(scope("projectcalico.org/namespace == 'shop' || app == 'web'")).toBeNull();
    expect(scope("!(projectcalico.org/namespace == 'shop')")).toBeNull();
    expect(scope('all()')).toBeNull();
  });
});
