import type { ContainerPort, Protocol } from '@palisade/cluster-model';
import { PROTOCOLS } from '@palisade/cluster-model';
import {
  Bits,
  emptyBits,
  fullBits,
  hasBit,
  orInto,
  setBit,
  wordsFor,
} from './bitset';
import type { CompiledRule, PeerMatcher, PolicySet } from './policy-set';
import { peerMatches } from './policy-set';
import { MAX_PORT, MIN_PORT, PortMatcher, PortRef, portSpecMatches } from './ports';
import { buildProfiles, namespaceRange, Profile, Profiles, portKey } from './profiles';
import { matchesSelector, selectorKey } from './selector';
import { addressPeerId, Universe } from './universe';

interface RowIndex {
  /** Per protocol: sorted first ports of the ranges the profile's rules do not tell apart. */
  readonly starts: Record<Protocol, Int32Array>;
  /** Named ports its rules use. */
  readonly names: readonly string[];
  readonly rows: Map<string, Bits>;
  readonly byPortId: Map<number, Bits>;
}

/**
 * Verdict rows with bit sets. For a profile and a port, a row is the set of classes at the
 * other end that the profile lets through: for an ingress profile the sources allowed in,
 * for an egress profile the destinations allowed out. A connection S -> D on port p is allowed
 * when `ingressRow(profile(D), p)` contains S and `egressRow(profile(S), p)` contains D.
 */
export class Evaluator {
  readonly profiles: Profiles;
  readonly words: number;
  readonly all: Bits;
  private readonly empty: Bits;
  private readonly peerCache = new Map<string, Bits>();
  private readonly ruleCache = new Map<CompiledRule, Bits>();
  private readonly namespaceSelectorCache = new Map<string, number[]>();
  private readonly namedCache = new Map<string, Bits>();
  private readonly rowIndexes = new Map<Profile, RowIndex>();
  private readonly interned = new Map<number, Bits[]>();
  /** Work space of `row`, reused: a row allocates only when it is new. */
  private readonly scratch: { readonly allowed: Bits; readonly undecided: Bits; readonly passed: Bits; readonly permitted: Bits };
  /** `name|port/protocol` for every container port name and the port it names somewhere. */
  private readonly namedResolutions = new Set<string>();
  /** Per protocol: sorted start ports of the port atoms (ranges no rule tells apart). */
  private readonly portAtomStarts: Record<Protocol, number[]>;
  /** Per container port name: the classes declaring it, with the declaration. */
  private readonly namedPortIndex = new Map<string, { cls: number; port: ContainerPort }[]>();

  constructor(
    readonly universe: Universe,
    readonly policies: PolicySet,
  ) {
    this.profiles = buildProfiles(universe, policies);
    this.words = wordsFor(universe.classes.length);
    this.all = fullBits(universe.classes.length);
    this.empty = emptyBits(this.words);
    this.scratch = {
      allowed: emptyBits(this.words),
      undecided: emptyBits(this.words),
      passed: emptyBits(this.words),
      permitted: emptyBits(this.words),
    };
    this.portAtomStarts = this.buildPortAtoms();
    for (let c = 0; c < universe.podClassCount; c++) {
      for (const port of universe.classes[c].view.ports) {
        if (!port.name) continue;
        const list = this.namedPortIndex.get(port.name) ?? [];
        list.push({ cls: c, port });
        this.namedPortIndex.set(port.name, list);
        this.namedResolutions.add(`${port.name}|${portKey(port)}`);
      }
    }
  }

  private allRules(): CompiledRule[] {
    return this.policies.all.flatMap((p) => [...(p.ingress ?? []), ...(p.egress ?? [])]);
  }

  private buildPortAtoms(): Record<Protocol, number[]> {
    const starts: Record<Protocol, Set<number>> = { TCP: new Set([MIN_PORT]), UDP: new Set([MIN_PORT]), SCTP: new Set([MIN_PORT]) };
    for (const rule of this.allRules()) {
      if (rule.ports === 'all') continue;
      for (const m of rule.ports) {
        if (m.kind !== 'range') continue;
        starts[m.protocol].add(m.from);
        if (m.to < MAX_PORT) starts[m.protocol].add(m.to + 1);
      }
    }
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    return { TCP: sorted(starts.TCP), UDP: sorted(starts.UDP), SCTP: sorted(starts.SCTP) };
  }

  /** One port per port atom of every protocol: "any port" is decided by trying these. */
  portAtoms(): PortRef[] {
    return PROTOCOLS.flatMap((protocol) => this.portAtomStarts[protocol].map((port) => ({ port, protocol })));
  }

  /** The ports a destination class is judged on: its declared ports, or every port atom. */
  portsOf(cls: number): PortRef[] {
    const declared = this.universe.classes[cls].view.ports;
    if (declared.length === 0) return this.portAtoms();
    const seen = new Set<string>();
    const ports: PortRef[] = [];
    for (const p of declared) {
      const key = `${p.port}/${p.protocol}`;
      if (!seen.has(key)) {
        seen.add(key);
        ports.push({ port: p.port, protocol: p.protocol });
      }
    }
    return ports;
  }

  private namespacesMatching(selector: NonNullable<Extract<PeerMatcher, { kind: 'pods' }>['namespaceSelector']>): number[] {
    const key = selectorKey(selector);
    let list = this.namespaceSelectorCache.get(key);
    if (!list) {
      list = [];
      const { universe } = this;
      for (let ns = 0; ns < universe.namespaces.length; ns++) {
        const first = universe.namespaceStart[ns];
        // Namespaces without pods hold nothing to select.
        if (first === universe.namespaceStart[ns + 1]) continue;
        if (matchesSelector(selector, universe.classes[first].view.namespaceLabels)) list.push(ns);
      }
      this.namespaceSelectorCache.set(key, list);
    }
    return list;
  }

  /** The classes a peer clause matches. */
  peerSet(peer: PeerMatcher): Bits {
    const { universe } = this;
    switch (peer.kind) {
      case 'all':
        return this.all;
      case 'unresolvable':
        return this.empty;
      case 'addresses': {
        const id = addressPeerId(universe, peer);
        const key = `a:${id}`;
        let bits = this.peerCache.get(key);
        if (!bits) {
          bits = emptyBits(this.words);
          for (const cls of universe.classes) if (cls.addressPeers.includes(id)) setBit(bits, cls.id);
          this.peerCache.set(key, bits);
        }
        return bits;
      }
      case 'nodes': {
        const key = `n:${selectorKey(peer.nodeSelector)}`;
        let bits = this.peerCache.get(key);
        if (!bits) {
          bits = emptyBits(this.words);
          for (let c = 0; c < universe.podClassCount; c++) {
            if (peerMatches(peer, universe.classes[c].view)) setBit(bits, c);
          }
          this.peerCache.set(key, bits);
        }
        return bits;
      }
      case 'pods': {
        const key = `p:${peer.namespace ?? ''}|${peer.namespaceSelector ? selectorKey(peer.namespaceSelector) : '-'}|${peer.podSelector ? selectorKey(peer.podSelector) : '-'}`;
        let bits = this.peerCache.get(key);
        if (!bits) {
          bits = emptyBits(this.words);
          const namespaces =
            peer.namespace !== null
              ? [universe.namespaceIndex.get(peer.namespace) ?? -1].filter((n) => n >= 0)
              : peer.namespaceSelector
                ? this.namespacesMatching(peer.namespaceSelector)
                : [];
          for (const ns of namespaces) {
            const [from, to] = namespaceRange(universe, universe.namespaces[ns]);
            for (let c = from; c < to; c++) {
              const view = universe.classes[c].view;
              if (view.hostNetwork) continue;
              if (peer.podSelector === null || matchesSelector(peer.podSelector, view.labels)) setBit(bits, c);
            }
          }
          this.peerCache.set(key, bits);
        }
        return bits;
      }
    }
  }

  /** The classes any peer of the rule matches. */
  ruleSet(rule: CompiledRule): Bits {
    let bits = this.ruleCache.get(rule);
    if (!bits) {
      if (rule.peers.length === 1) bits = this.peerSet(rule.peers[0]);
      else {
        bits = emptyBits(this.words);
        for (const peer of rule.peers) orInto(bits, this.peerSet(peer));
      }
      this.ruleCache.set(rule, bits);
    }
    return bits;
  }

  /** Destination classes on which a named-port clause resolves to exactly `port`. */
  private namedSet(matcher: Extract<PortMatcher, { kind: 'named' }>, port: PortRef): Bits {
    const key = `${matcher.name}|${matcher.protocol ?? '*'}|${portKey(port)}`;
    let bits = this.namedCache.get(key);
    if (!bits) {
      bits = emptyBits(this.words);
      for (const { cls, port: cp } of this.namedPortIndex.get(matcher.name) ?? []) {
        if (cp.port === port.port && cp.protocol === port.protocol && (matcher.protocol === null || matcher.protocol === cp.protocol)) {
          setBit(bits, cls);
        }
      }
      this.namedCache.set(key, bits);
    }
    return bits;
  }

  /**
   * The tiers, as set operations: Admin-tier rules claim what they match in order (Pass hands
   * it to the next tier), then NetworkPolicies decide for isolated pods, else Baseline rules,
   * else the default allow.
   */
  private row(profile: Profile, matchSet: (rule: CompiledRule) => Bits | null): Bits {
    if (profile.unrestricted) return this.all;
    const allowed = this.scratch.allowed.fill(0);
    const undecided = this.scratch.undecided;
    undecided.set(this.all);
    const passed = this.scratch.passed.fill(0);
    // First match wins: each rule claims what it matches among what is still pending.
    const take = (rule: CompiledRule, passTo: Bits) => {
      const matched = matchSet(rule);
      if (!matched) return;
      const allow = rule.action === 'Allow';
      const pass = rule.action === 'Pass';
      for (let w = 0; w < undecided.length; w++) {
        const hit = matched[w] & undecided[w];
        if (hit === 0) continue;
        if (allow) allowed[w] |= hit;
        else if (pass) passTo[w] |= hit;
        undecided[w] &= ~hit;
      }
    };
    for (const rule of profile.admin) take(rule, passed);
    orInto(undecided, passed);
    if (profile.networkPolicy !== null) {
      const permitted = this.scratch.permitted.fill(0);
      for (const rule of profile.networkPolicy) {
        const matched = matchSet(rule);
        if (matched) orInto(permitted, matched);
      }
      for (let w = 0; w < allowed.length; w++) allowed[w] |= undecided[w] & permitted[w];
      return this.intern(allowed);
    }
    // A Baseline-tier Pass leaves the connection to the default, which allows it.
    passed.fill(0);
    for (const rule of profile.baseline) take(rule, passed);
    orInto(allowed, undecided);
    orInto(allowed, passed);
    return this.intern(allowed);
  }

  /**
   * One copy of each distinct row: profiles often agree (same namespace, same baseline), and
   * on large clusters rows are most of the memory.
   */
  private intern(bits: Bits): Bits {
    let hash = 0x811c9dc5;
    for (let w = 0; w < bits.length; w++) hash = Math.imul(hash ^ bits[w], 0x01000193);
    const bucket = this.interned.get(hash);
    if (bucket) {
      for (const candidate of bucket) {
        let same = true;
        for (let w = 0; w < bits.length && same; w++) same = candidate[w] === bits[w];
        if (same) return candidate;
      }
    }
    const copy = bits.slice();
    if (bucket) bucket.push(copy);
    else this.interned.set(hash, [copy]);
    return copy;
  }

  /**
   * How a profile's rows vary with the port: only at the edges of its rules' port ranges, or
   * where one of its named ports resolves. Ports between two edges share one row.
   */
  private rowIndexOf(profile: Profile): RowIndex {
    let index = this.rowIndexes.get(profile);
    if (!index) {
      const rules = [...profile.admin, ...(profile.networkPolicy ?? []), ...profile.baseline];
      const starts: Record<Protocol, Set<number>> = { TCP: new Set([MIN_PORT]), UDP: new Set([MIN_PORT]), SCTP: new Set([MIN_PORT]) };
      const names = new Set<string>();
      for (const rule of rules) {
        if (rule.ports === 'all') continue;
        for (const m of rule.ports) {
          if (m.kind === 'named') {
            names.add(m.name);
            continue;
          }
          starts[m.protocol].add(m.from);
          if (m.to < MAX_PORT) starts[m.protocol].add(m.to + 1);
        }
      }
      const sorted = (set: Set<number>) => Int32Array.from([...set].sort((a, b) => a - b));
      index = {
        starts: { TCP: sorted(starts.TCP), UDP: sorted(starts.UDP), SCTP: sorted(starts.SCTP) },
        names: [...names],
        rows: new Map(),
        byPortId: new Map(),
      };
      this.rowIndexes.set(profile, index);
    }
    return index;
  }

  private rowKey(index: RowIndex, port: PortRef, named: boolean): string {
    const starts = index.starts[port.protocol];
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= port.port) lo = mid;
      else hi = mid - 1;
    }
    return named ? `${port.protocol}${lo}#${port.port}` : `${port.protocol}${lo}`;
  }

  /** Sources that may connect to members of an ingress profile on `port`. */
  ingressRow(profileId: number, port: PortRef): Bits {
    const profile = this.profiles.ingress[profileId];
    if (profile.unrestricted) return this.all;
    const index = this.rowIndexOf(profile);
    const named =
      index.names.length > 0 &&
      profile.ports.some((cp) => cp.name !== undefined && cp.port === port.port && cp.protocol === port.protocol && index.names.includes(cp.name));
    const key = this.rowKey(index, port, named);
    let bits = index.rows.get(key);
    if (!bits) {
      bits = this.row(profile, (rule) => (portSpecMatches(rule.ports, port, profile.ports) ? this.ruleSet(rule) : null));
      index.rows.set(key, bits);
    }
    return bits;
  }

  /** Destinations that members of an egress profile may connect to on `port`. */
  egressRow(profileId: number, port: PortRef): Bits {
    const profile = this.profiles.egress[profileId];
    if (profile.unrestricted) return this.all;
    const index = this.rowIndexOf(profile);
    const named = index.names.length > 0 && index.names.some((name) => this.namedResolutions.has(`${name}|${portKey(port)}`));
    const key = this.rowKey(index, port, named);
    let bits = index.rows.get(key);
    if (!bits) {
      bits = this.row(profile, (rule) => this.egressMatch(rule, port));
      index.rows.set(key, bits);
    }
    return bits;
  }

  private egressMatch(rule: CompiledRule, port: PortRef): Bits | null {
    if (rule.ports === 'all') return this.ruleSet(rule);
    let named: Bits | null = null;
    for (const m of rule.ports) {
      if (m.kind === 'range') {
        if (m.protocol === port.protocol && port.port >= m.from && port.port <= m.to) return this.ruleSet(rule);
        continue;
      }
      const resolves = this.namedSet(m, port);
      named ??= emptyBits(this.words);
      orInto(named, resolves);
    }
    if (!named) return null;
    const peers = this.ruleSet(rule);
    for (let w = 0; w < named.length; w++) named[w] &= peers[w];
    return named;
  }

  private readonly portList: PortRef[] = [];
  private readonly portIds = new Map<string, number>();
  private readonly classPortIds: (number[] | undefined)[] = [];

  /** A small integer for a port, so hot loops index arrays instead of hashing strings. */
  portId(port: PortRef): number {
    const key = portKey(port);
    let id = this.portIds.get(key);
    if (id === undefined) {
      id = this.portList.length;
      this.portList.push({ port: port.port, protocol: port.protocol });
      this.portIds.set(key, id);
    }
    return id;
  }

  port(id: number): PortRef {
    return this.portList[id];
  }

  /** `portsOf` as port ids. */
  portIdsOf(cls: number): number[] {
    return (this.classPortIds[cls] ??= this.portsOf(cls).map((p) => this.portId(p)));
  }

  ingressRowById(profileId: number, portId: number): Bits {
    const profile = this.profiles.ingress[profileId];
    if (profile.unrestricted) return this.all;
    const cache = this.rowIndexOf(profile).byPortId;
    let row = cache.get(portId);
    if (!row) cache.set(portId, (row = this.ingressRow(profileId, this.portList[portId])));
    return row;
  }

  egressRowById(profileId: number, portId: number): Bits {
    const profile = this.profiles.egress[profileId];
    if (profile.unrestricted) return this.all;
    const cache = this.rowIndexOf(profile).byPortId;
    let row = cache.get(portId);
    if (!row) cache.set(portId, (row = this.egressRow(profileId, this.portList[portId])));
    return row;
  }

  /** The pairwise verdict between two classes on one port (the diagonal is the caller's). */
  allows(source: number, destination: number, port: PortRef): boolean {
    const { ingressOf, egressOf } = this.profiles;
    const ingress = ingressOf[destination];
    const egress = egressOf[source];
    const id = this.portId(port);
    if (ingress >= 0 && !hasBit(this.ingressRowById(ingress, id), source)) return false;
    if (egress >= 0 && !hasBit(this.egressRowById(egress, id), destination)) return false;
    return true;
  }
}
