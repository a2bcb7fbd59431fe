import type { ClusterModel } from '@palisade/cluster-model';

/**
 * Which policy kinds a cluster enforces, by its network plugin:
 * - `generic`: NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy and
 *   ClusterNetworkPolicy (plugins that follow the Kubernetes APIs);
 * - `cilium`: NetworkPolicy (ipBlock never matching pods or nodes), CiliumNetworkPolicy and
 *   CiliumClusterwideNetworkPolicy; no admin policies;
 * - `calico`: NetworkPolicy, Calico's policies in their tiers, and the admin policies as tiers
 *   of their own;
 * - `none`: nothing (a plugin that enforces no policy: every policy is a finding).
 */
export type CniMode = 'generic' | 'cilium' | 'calico' | 'none';

export const CNI_MODES: readonly CniMode[] = ['generic', 'cilium', 'calico', 'none'];

/** Names a `--cni` option or `CNI` setting may take, and the mode each stands for. */
export const CNI_NAMES: Readonly<Record<string, CniMode>> = {
  generic: 'generic',
  kubernetes: 'generic',
  antrea: 'generic',
  'ovn-kubernetes': 'generic',
  'kube-router': 'generic',
  weave: 'generic',
  cilium: 'cilium',
  calico: 'calico',
  none: 'none',
  flannel: 'none',
  kindnet: 'generic',
};

export interface CniDetection {
  readonly cni: CniMode;
  /** What the decision rests on, in words (`DaemonSet kube-system/cilium`). */
  readonly evidence: string;
}

/** DaemonSets (by name) that the plugins install. */
const AGENTS: readonly [RegExp, CniMode][] = [
  [/^cilium$/, 'cilium'],
  [/^calico-node$/, 'calico'],
  [/^(kube-flannel-ds|kube-flannel|flannel)$/, 'none'],
  [/^antrea-agent$/, 'generic'],
  [/^(ovnkube-node|ovnkube-master)$/, 'generic'],
  [/^kube-router$/, 'generic'],
  [/^weave-net$/, 'generic'],
  [/^kindnet$/, 'generic'],
];

/** API groups whose presence names the plugin (its CRDs, or Calico's aggregated API). */
const API_GROUPS: readonly [RegExp, CniMode][] = [
  [/^cilium\.io\//, 'cilium'],
  [/^(crd\.)?projectcalico\.org\//, 'calico'],
];

/**
 * The plugin of a cluster, from what it shows, strongest evidence first: the plugin's agent
 * DaemonSet, the annotations its agent writes on nodes, then the API groups it serves (CRDs can
 * outlive an uninstalled plugin, so they count last). Undefined when nothing tells; the caller
 * then decides (a setting, or the policy kinds present: `assumeCni`).
 */
export function detectCni(model: ClusterModel, servedApis: Iterable<string> = []): CniDetection | undefined {
  const daemonSets = model.workloads.filter((w) => w.kind === 'DaemonSet');
  // Calico and Cilium both run beside flannel (Canal, Cilium chaining): AGENTS lists them first.
  for (const [pattern, cni] of AGENTS) {
    const agent = daemonSets.find((w) => pattern.test(w.name));
    if (agent) return { cni, evidence: `DaemonSet ${agent.namespace}/${agent.name}` };
  }
  const annotated = model.nodes.find((n) => n.pluginAnnotation !== undefined);
  if (annotated?.pluginAnnotation) {
    const cni: CniMode = annotated.pluginAnnotation.startsWith('projectcalico.org/') ? 'calico' : 'cilium';
    return { cni, evidence: `node ${annotated.name} has annotation ${annotated.pluginAnnotation}` };
  }
  const served = [...servedApis];
  for (const [pattern, cni] of API_GROUPS) {
    const group = served.find((g) => pattern.test(g));
    if (group) return { cni, evidence: `the cluster serves ${group}` };
  }
  return undefined;
}

/**
 * The plugin to assume when nothing in the cluster tells: the one whose policy kinds the input
 * holds (a manifest repository of CiliumNetworkPolicies is audited as Cilium), else generic.
 */
export function assumeCni(model: ClusterModel): CniDetection {
  const cilium = model.ciliumPolicies.length > 0;
  const calico = model.calicoPolicies.length > 0 || model.calicoTiers.length > 0 || model.networkSets.length > 0;
  if (cilium && !calico) return { cni: 'cilium', evidence: 'assumed from the Cilium policies in the input' };
  if (calico && !cilium) return { cni: 'calico', evidence: 'assumed from the Calico objects in the input' };
  return { cni: 'generic', evidence: cilium ? 'both Cilium and Calico policies are in the input: pass the CNI to evaluate one of them' : 'no CNI-specific policy in the input' };
}
