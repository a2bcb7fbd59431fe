import type { ClusterModel, ContainerPort, Labels } from '@palisade/cluster-model';
import {
  addressKey,
  ALL_ADDRESSES,
  AddressRange,
  cidrRange,
  internetBoundaries,
  isInternetAddress,
} from './addresses';
import { nodeEndpoint, outsideEndpoint, podEndpoints } from './endpoints';
import { peerRanges, type EndpointView, type PeerMatcher, type PolicySet } from './policy-set';

/**
 * The evaluation universe: pods grouped into equivalence classes (same namespace, labels,
 * container ports, host-network node, and the same membership in every ipBlock of every
 * policy) plus classes that stand for addresses outside the cluster. Two pods of one class
 * are indistinguishable to every policy, so every verdict is computed once per class.
 */
export interface EndpointClass {
  readonly id: number;
  readonly kind: 'pod' | 'external';
  /** Index into `Universe.namespaces`; -1 for external classes. */
  readonly namespace: number;
  /** A representative endpoint: its labels, namespace labels, ports and node are the class's. */
  readonly view: EndpointView;
  /** Indices of the address peers (`Universe.addressPeers`) that contain the class's addresses. */
  readonly addressPeers: readonly number[];
  /** Model indices of the pods in the class (empty for external classes). */
  readonly pods: readonly number[];
  /** True for an address on the internet (outside private ranges and cluster CIDRs). */
  readonly internet: boolean;
  /** For external classes named by the caller: the address as given. */
  readonly address?: string;
}

export interface Universe {
  readonly classes: readonly EndpointClass[];
  readonly podClassOf: Int32Array;
  readonly namespaces: readonly string[];
  readonly namespaceIndex: ReadonlyMap<string, number>;
  /** Pod classes of namespace i are `classes[namespaceStart[i] .. namespaceStart[i + 1])`. */
  readonly namespaceStart: Int32Array;
  readonly podClassCount: number;
  /** Distinct address peers of all rules, keyed by their text. */
  readonly addressPeers: readonly { readonly include: AddressRange; readonly exclude: readonly AddressRange[] }[];
  readonly addressPeerIndex: ReadonlyMap<string, number>;
  /** Class id of each caller-named external address, in the order given. */
  readonly externalClassOf: ReadonlyMap<string, number>;
  /** Every node-source class, with `nodeSources` (one standing for unknown nodes when the model lists none). */
  readonly nodeClasses: readonly number[];
}

export interface UniverseOptions {
  /** Addresses to evaluate individually (the `reach --external` addresses). */
  readonly externals?: readonly string[];
  /** CIDRs of the cluster (pods, services, nodes): never "the internet". */
  readonly clusterCidrs?: readonly string[];
  /**
   * Ranges the internet classes must be cut at, beyond the policies' own (a load balancer's
   * source ranges), so each internet class is wholly inside or outside each of them.
   */
  readonly sourceRanges?: readonly string[];
  /**
   * Add one class per kind of node (same labels, same address memberships) standing for traffic
   * a node sends: what a pod sees after a Service's `externalTrafficPolicy: Cluster` rewrote the
   * source to the node's address. Such classes look like host-network pods to the matchers.
   */
  readonly nodeSources?: boolean;
}

export function addressPeerKey(peer: { readonly include: AddressRange; readonly exclude: readonly AddressRange[] }): string {
  return [peer.include, ...peer.exclude].map((r) => `${r.lo}-${r.hi}`).join(',');
}

/**
 * Every address set a rule tests: ipBlocks and networks as they are (their own peer, so rows can
 * look membership up), and every other range (Calico nets, network sets) as a plain range.
 * Classes are cut so that each is inside or outside every one of them as a whole.
 */
function collectAddressPeers(policies: PolicySet, extraRanges: readonly AddressRange[]) {
  const peers: { include: AddressRange; exclude: readonly AddressRange[] }[] = [];
  const index = new Map<string, number>();
  const add = (peer: { include: AddressRange; exclude: readonly AddressRange[] }) => {
    const key = addressPeerKey(peer);
    if (!index.has(key)) {
      index.set(key, peers.length);
      peers.push({ include: peer.include, exclude: peer.exclude });
    }
  };
  for (const range of extraRanges) add({ include: range, exclude: [] });
  for (const policy of policies.all) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of [...rule.peers, ...(rule.subjectSide ? [rule.subjectSide] : [])]) {
        if (peer.kind === 'addresses') add(peer);
        else for (const range of peerRanges(peer)) add({ include: range, exclude: [] });
      }
    }
  }
  return { peers, index };
}

function lowerBound(sorted: readonly bigint[], value: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Splits the address space at every boundary of every address peer so that each piece (atom)
 * is inside or outside each peer as a whole; the signature of an atom is the list of peers
 * that contain it.
 */
class AddressAtoms {
  private readonly bounds: bigint[];
  private readonly signatures: number[][];

  constructor(
    peers: readonly { readonly include: AddressRange; readonly exclude: readonly AddressRange[] }[],
    extraBoundaries: readonly bigint[],
  ) {
    const all = new Set<bigint>(extraBoundaries);
    for (const p of peers) for (const r of [p.include, ...p.exclude]) all.add(r.lo).add(r.hi);
    this.bounds = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.signatures = this.bounds.map(() => []);
    peers.forEach((peer, peerIndex) => {
      const from = lowerBound(this.bounds, peer.include.lo);
      const to = lowerBound(this.bounds, peer.include.hi);
      for (let atom = from; atom < to; atom++) {
        const lo = this.bounds[atom];
        if (!peer.exclude.some((r) => lo >= r.lo && lo < r.hi)) this.signatures[atom].push(peerIndex);
      }
    });
  }

  /** The atom containing the address. */
  atomOf(key: bigint): number {
    const i = lowerBound(this.bounds, key);
    return i < this.bounds.length && this.bounds[i] === key ? i : i - 1;
  }

  signature(atom: number): readonly number[] {
    return atom < 0 ? [] : this.signatures[atom];
  }

  /** Every atom as [representative address, signature]. */
  *atoms(): Iterable<[bigint, readonly number[]]> {
    for (let i = 0; i + 1 < this.bounds.length; i++) yield [this.bounds[i], this.signatures[i]];
  }
}

function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0001');
}

function portsKey(ports: readonly ContainerPort[]): string {
  return ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',');
}

function mergeSignatures(signatures: readonly (readonly number[])[]): number[] {
  if (signatures.length === 1) return [...signatures[0]];
  return [...new Set(signatures.flat())].sort((a, b) => a - b);
}

export function buildUniverse(model: ClusterModel, policies: PolicySet, options: UniverseOptions = {}): Universe {
  const sourceRanges = (options.sourceRanges ?? []).map((c) => cidrRange(c)).filter((r): r is AddressRange => r !== undefined);
  const { peers: addressPeers, index: addressPeerIndex } = collectAddressPeers(policies, sourceRanges);
  const clusterRanges = (options.clusterCidrs ?? [])
    .map((c) => cidrRange(c))
    .filter((r): r is AddressRange => r !== undefined);
  const atoms = new AddressAtoms(addressPeers, internetBoundaries(clusterRanges));

  const views = podEndpoints(model);
  const namespaces = [...new Set([...model.namespaces.map((n) => n.name), ...model.pods.map((p) => p.namespace)])].sort();
  const namespaceIndex = new Map(namespaces.map((n, i) => [n, i]));
  const byKey = new Map<string, { view: EndpointView; namespace: number; signature: number[]; pods: number[] }>();
  views.forEach((view, podIndex) => {
    const pod = model.pods[podIndex];
    const signature = mergeSignatures(view.addresses.map((a) => atoms.signature(atoms.atomOf(a))));
    const key = [
      pod.namespace,
      labelsKey(pod.labels),
      portsKey(pod.ports),
      pod.serviceAccount,
      pod.hostNetwork ? `host:${pod.nodeName ?? ''}` : '',
      signature.join(','),
    ].join('\u0000');
    const entry = byKey.get(key);
    if (entry) entry.pods.push(podIndex);
    else byKey.set(key, { view, namespace: namespaceIndex.get(pod.namespace) ?? -1, signature, pods: [podIndex] });
  });
  // Pod classes are laid out namespace by namespace, so a namespace is a range of class ids.
  const podGroups = [...byKey.values()].sort((a, b) => a.namespace - b.namespace);

  const classes: EndpointClass[] = [];
  const podClassOf = new Int32Array(model.pods.length);
  const namespaceStart = new Int32Array(namespaces.length + 1);
  for (const group of podGroups) {
    const id = classes.length;
    classes.push({
      id,
      kind: 'pod',
      namespace: group.namespace,
      view: group.view,
      addressPeers: group.signature,
      pods: group.pods,
      internet: false,
    });
    for (const p of group.pods) podClassOf[p] = id;
  }
  // namespaceStart[i] = first class of namespace i (classes are sorted by namespace).
  let cursor = 0;
  for (let ns = 0; ns <= namespaces.length; ns++) {
    while (cursor < classes.length && classes[cursor].namespace < ns) cursor++;
    namespaceStart[ns] = cursor;
  }
  const podClassCount = classes.length;

  // The internet, one class per distinct signature: every public address behaves like one of them.
  const internetSignatures = new Map<string, [bigint, readonly number[]]>();
  for (const [representative, signature] of atoms.atoms()) {
    if (!ALL_ADDRESSES.some((r) => representative >= r.lo && representative < r.hi)) continue;
    if (!isInternetAddress(representative, clusterRanges)) continue;
    const key = signature.join(',');
    if (!internetSignatures.has(key)) internetSignatures.set(key, [representative, signature]);
  }
  for (const [representative, signature] of internetSignatures.values()) {
    classes.push({
      id: classes.length,
      kind: 'external',
      namespace: -1,
      view: outsideEndpoint(representative),
      addressPeers: signature,
      pods: [],
      internet: true,
    });
  }

  const externalClassOf = new Map<string, number>();
  for (const address of options.externals ?? []) {
    const key = addressKey(address);
    if (key === undefined || externalClassOf.has(address)) continue;
    const view = outsideEndpoint(key);
    externalClassOf.set(address, classes.length);
    classes.push({
      id: classes.length,
      kind: 'external',
      namespace: -1,
      view,
      addressPeers: atoms.signature(atoms.atomOf(view.addresses[0])),
      pods: [],
      internet: isInternetAddress(view.addresses[0], clusterRanges),
      address,
    });
  }

  const nodeClasses: number[] = [];
  if (options.nodeSources) {
    const groups = nodeGroups(model, atoms);
    // Nodes hidden from Palisade (RBAC) still send traffic: one node of unknown address and
    // labels stands for them, which only rules admitting every source let in.
    if (groups.length === 0) groups.push({ view: nodeEndpoint({}, []), signature: [] });
    for (const group of groups) {
      const id = classes.length;
      classes.push({ id, kind: 'external', namespace: -1, view: group.view, addressPeers: group.signature, pods: [], internet: false });
      nodeClasses.push(id);
    }
  }

  return {
    classes,
    podClassOf,
    nodeClasses,
    namespaces,
    namespaceIndex,
    namespaceStart,
    podClassCount,
    addressPeers,
    addressPeerIndex: new Map([...addressPeerIndex].map(([k, v]) => [k, v])),
    externalClassOf,
  };
}

/** The address peer index of a rule's `addresses` peer. */
export function addressPeerId(universe: Universe, peer: Extract<PeerMatcher, { kind: 'addresses' }>): number {
  return universe.addressPeerIndex.get(addressPeerKey(peer)) ?? -1;
}

/**
 * Nodes grouped by what the matchers see of them (labels, address memberships): each group is
 * one node-source class, a host-network endpoint with the node's labels and addresses.
 */
function nodeGroups(model: ClusterModel, atoms: AddressAtoms) {
  const groups = new Map<string, { view: EndpointView; signature: number[] }>();
  for (const node of model.nodes) {
    const addresses = node.addresses.map(addressKey).filter((k): k is bigint => k !== undefined);
    if (addresses.length === 0) continue;
    const signature = mergeSignatures(addresses.map((a) => atoms.signature(atoms.atomOf(a))));
    const key = `${labelsKey(node.labels)}\u0000${signature.join(',')}`;
    if (!groups.has(key)) groups.set(key, { view: nodeEndpoint(node.labels, addresses), signature });
  }
  return [...groups.values()];
}
