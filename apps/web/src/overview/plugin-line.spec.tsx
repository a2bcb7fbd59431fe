import type { ClusterFigures } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
import { readerText } from '../testing/reader-text';
import { PluginLine } from './plugin-line';

const figures = (overrides: Partial<ClusterFigures>): ClusterFigures => ({
  seq: 3,
  pods: 10,
  workloads: 5,
  namespaces: 2,
  policies: 4,
  unprotectedWorkloads: 1,
  exposedWorkloads: 0,
  ingressIsolatedPercent: 80,
  egressIsolatedPercent: 20,
  notEnforcedPolicies: 0,
  cni: 'generic',
  cniEvidence: 'no CNI-specific policy in the input',
  ...overrides,
});

describe('PluginLine', () => {
  it('names the plugin, why, and links the policies it does not enforce', () => {
    const html = renderToStaticMarkup(
      <PluginLine clusterId="c/1" latest={figures({ cni: 'cilium', cniEvidence: 'DaemonSet kube-system/cilium', notEnforcedPolicies: 1 })} />,
    );
    expect(readerText(html)).toBe(
      'Policies are evaluated as Cilium enforces them (NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy) (DaemonSet kube-system/cilium). 1 policy is not enforced here',
    );
    expect(html).toContain('href="/clusters/c%2F1/policies?enforced=false"');
  });

  it('has no link when every policy is enforced, and nothing before a snapshot recorded the plugin', () => {
    const html = renderToStaticMarkup(<PluginLine clusterId="c1" latest={figures({})} />);
    expect(html).not.toContain('<a');
    expect(renderToStaticMarkup(<PluginLine clusterId="c1" latest={figures({ cni: null })} />)).toBe('');
    expect(renderToStaticMarkup(<PluginLine clusterId="c1" latest={null} />)).toBe('');
  });
});
