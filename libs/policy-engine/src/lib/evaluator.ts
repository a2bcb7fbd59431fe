import type { ContainerPort, Protocol } from '@palisade/cluster-model';
import { PROTOCOLS } from '@palisade/cluster-model';
import {
  andInto,
  Bits,
  emptyBits,
  fullBits,
  hasBit,
  orInto,
  setBit,
  wordsFor,
} from './bitset';
import { calicoScope, ciliumScope, ScopeIndex } from './namespace-scope';
import type { Verdict } from './pairwise';
import type { CompiledRule, PeerMatcher, PolicySet } from './policy-set';
import { peerMatches } from './policy-set';
import { MAX_PORT, MIN_PORT, PortMatcher, PortRef, PortSpec, portSpecMatches } from './ports';
import { buildProfiles, namespaceRange, Profile, profileRules, Profiles, portKey } from './profiles';
import { matchesSelector, selectorKey } from './selector';
import { addressPeerId, Universe } from './universe';

/**
 * The classes at the other end a profile lets through on one port: `full` for every request,
 * `any` also those allowed only for some requests (L7 rules, DNS names). The same object when
 * the profile has no conditional rule.
 */
export interface Row {
  readonly full: Bits;
  readonly any: Bits;
}

interface RowIndex {
  /** Per protocol: sorted first ports of the ranges the profile's rules do not tell apart. */
  readonly starts: Record<Protocol, Int32Array>;
  /** Named ports its rules use. */
  readonly names: readonly string[];
  readonly rows: Map<string, Row>;
  readonly byPortId: Map<number, Row>;
}

/** Every port clause of a rule: what it matches and what it excludes. */
function portClauses(rule: CompiledRule): PortMatcher[] {
  const clauses: PortMatcher[] = [];
  for (const spec of [rule.ports, rule.notPorts]) if (spec !== undefined && spec !== 'all') clauses.push(...spec);
  return clauses;
}

/**
 * Verdict rows with bit sets. For a profile and a port, a row is the set of classes at the
 * other end that the profile lets through: for an ingress profile the sources allowed in,
 * for an egress profile the destinations allowed out. A connection S -> D on port p is allowed
 * when `ingressRow(profile(D), p)` contains S and `egressRow(profile(S), p)` contains D.
 */
export class Evaluator {
  readonly profiles: Profiles;
  /** Which classes a namespaced Cilium or Calico selector can match at all. */
  private readonly scopes: ScopeIndex;
  readonly words: number;
  readonly all: Bits;
  private readonly allRow: Row;
  private readonly empty: Bits;
  private readonly peerCache = new Map<string, Bits>();
  private readonly ruleCache = new Map<CompiledRule, Bits>();
  private readonly namespaceSelectorCache = new Map<string, number[]>();
  private readonly namedCache = new Map<string, Bits>();
  private readonly rowIndexes = new Map<Profile, RowIndex>();
  private readonly interned = new Map<number, Bits[]>();
  /** Work space of `row`, reused: a row allocates only when it is new. */
  private readonly scratch: { readonly allowed: Bits; readonly undecided: Bits; readonly passed: Bits; readonly conditional: Bits };
  /** Whether any profile holds a conditional Allow: rows then have two parts. */
  readonly hasConditional: boolean;
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
    this.scopes = new ScopeIndex(universe);
    this.words = wordsFor(universe.classes.length);
    this.all = fullBits(universe.classes.length);
    this.allRow = { full: this.all, any: this.all };
    this.empty = emptyBits(this.words);
    this.scratch = {
      allowed: emptyBits(this.words),
      undecided: emptyBits(this.words),
      passed: emptyBits(this.words),
      conditional: emptyBits(this.words),
    };
    this.hasConditional = [...this.profiles.ingress, ...this.profiles.egress].some((p) => p.conditional);
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
      for (const m of portClauses(rule)) {
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
        const key = `a:${id}:${peer.clusterMembers ? 1 : 0}`;
        let bits = this.peerCache.get(key);
        if (!bits) {
          bits = emptyBits(this.words);
          for (const cls of universe.classes) {
            // Node sources are cluster members too (their view is a host-network endpoint).
            if (!peer.clusterMembers && cls.view.kind === 'pod') continue;
            if (cls.addressPeers.includes(id)) setBit(bits, cls.id);
          }
          this.peerCache.set(key, bits);
        }
        return bits;
      }
      // Node-source classes (after the external ones) are nodes too: these peers see every class.
      case 'nodes':
        return this.byView(`n:${selectorKey(peer.nodeSelector)}`, peer, universe.classes.length);
      case 'node-traffic':
        return this.byView('node-traffic', peer, universe.classes.length);
      case 'cluster':
        return this.byView('cluster', peer, universe.classes.length);
      case 'outside':
        return this.byView('outside', peer, universe.classes.length);
      case 'cilium-endpoints': {
        const key = `c:${peer.selector.requirements.map((r) => `${r.source}:${r.key}${r.operator}${r.values.join(',')}`).sort().join(';')}`;
        return this.byCandidates(key, peer, () => this.scopes.podClasses(ciliumScope(peer.selector, this.scopes.namespaceLabels)));
      }
      case 'calico': {
        const key = `k:${JSON.stringify([peer.text, peer.nets?.map(String), peer.notNets.map(String), peer.selector?.netsets.map(String), peer.notSelector?.netsets.map(String)], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
        // The selector names the pods' namespaces; addresses (network sets, nodes) are tested whatever it says.
        const scope = peer.selector ? calicoScope(peer.selector.expression, this.scopes.namespaceLabels) : null;
        return this.byCandidates(key, peer, () => [...this.scopes.podClasses(scope), ...this.nonPodClasses()]);
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

  /**
   * Classes a peer matches, decided on each class's representative: every class is inside or
   * outside every address set of every rule as a whole, so the representative speaks for all.
   */
  private byView(key: string, peer: PeerMatcher, upTo: number): Bits {
    let bits = this.peerCache.get(key);
    if (!bits) {
      bits = emptyBits(this.words);
      for (let c = 0; c < upTo; c++) if (peerMatches(peer, this.universe.classes[c].view)) setBit(bits, c);
      this.peerCache.set(key, bits);
    }
    return bits;
  }

  /** Like byView, testing only the candidate classes (a superset of the matches). */
  private byCandidates(key: string, peer: PeerMatcher, candidates: () => Iterable<number>): Bits {
    let bits = this.peerCache.get(key);
    if (!bits) {
      bits = emptyBits(this.words);
      for (const c of candidates()) if (peerMatches(peer, this.universe.classes[c].view)) setBit(bits, c);
      this.peerCache.set(key, bits);
    }
    return bits;
  }

  private nonPodClasses(): number[] {
    return Array.from({ length: this.universe.classes.length - this.universe.podClassCount }, (_, i) => this.universe.podClassCount + i);
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
   * The tiers, as set operations: tier by tier, each rule claims what it matches among what is
   * still pending (Allow allows, Deny denies, Pass hands it to the next tier, Log goes on); a
   * conditional Allow marks what it matches as allowed for some requests and leaves it pending.
   * An isolated tier denies what is left; after the last tier, what is left is allowed.
   */
  private row(profile: Profile, matchSet: (rule: CompiledRule) => Bits | null): Row {
    if (profile.unrestricted) return { full: this.all, any: this.all };
    const allowed = this.scratch.allowed.fill(0);
    const undecided = this.scratch.undecided;
    undecided.set(this.all);
    const conditional = this.scratch.conditional.fill(0);
    const passed = this.scratch.passed;
    for (const tier of profile.tiers) {
      passed.fill(0);
      for (const rule of tier.rules) {
        if (rule.action === 'Log') continue;
        const matched = matchSet(rule);
        if (!matched) continue;
        if (rule.action === 'Allow' && rule.conditional !== undefined) {
          for (let w = 0; w < undecided.length; w++) conditional[w] |= matched[w] & undecided[w];
          continue;
        }
        const allow = rule.action === 'Allow';
        const pass = rule.action === 'Pass';
        for (let w = 0; w < undecided.length; w++) {
          const hit = matched[w] & undecided[w];
          if (hit === 0) continue;
          if (allow) allowed[w] |= hit;
          else if (pass) passed[w] |= hit;
          undecided[w] &= ~hit;
        }
      }
      if (tier.isolated && tier.tier.endAction === 'Deny') undecided.fill(0);
      orInto(undecided, passed);
    }
    orInto(allowed, undecided);
    const full = this.intern(allowed);
    if (!profile.conditional) return { full, any: full };
    orInto(conditional, allowed);
    return { full, any: this.intern(conditional) };
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
      const rules = profileRules(profile);
      const starts: Record<Protocol, Set<number>> = { TCP: new Set([MIN_PORT]), UDP: new Set([MIN_PORT]), SCTP: new Set([MIN_PORT]) };
      const names = new Set<string>();
      for (const rule of rules) {
        for (const m of portClauses(rule)) {
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
  ingressRow(profileId: number, port: PortRef): Row {
    const profile = this.profiles.ingress[profileId];
    if (profile.unrestricted) return this.allRow;
    const index = this.rowIndexOf(profile);
    const named =
      index.names.length > 0 &&
      profile.ports.some((cp) => cp.name !== undefined && cp.port === port.port && cp.protocol === port.protocol && index.names.includes(cp.name));
    const key = this.rowKey(index, port, named);
    let bits = index.rows.get(key);
    if (!bits) {
      bits = this.row(profile, (rule) =>
        portSpecMatches(rule.ports, port, profile.ports) && !(rule.notPorts !== undefined && portSpecMatches(rule.notPorts, port, profile.ports)) ? this.ruleSet(rule) : null,
      );
      index.rows.set(key, bits);
    }
    return bits;
  }

  /** Destinations that members of an egress profile may connect to on `port`. */
  egressRow(profileId: number, port: PortRef): Row {
    const profile = this.profiles.egress[profileId];
    if (profile.unrestricted) return this.allRow;
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

  /**
   * Destination classes a port clause admits on `port`: every class when a numeric range holds
   * it, else those whose container port of a named clause resolves to it; null for none.
   */
  private portMatch(spec: PortSpec, port: PortRef): Bits | null {
    if (spec === 'all') return this.all;
    let named: Bits | null = null;
    for (const m of spec) {
      if (m.kind === 'range') {
        if (m.protocol === port.protocol && port.port >= m.from && port.port <= m.to) return this.all;
        continue;
      }
      named ??= emptyBits(this.words);
      orInto(named, this.namedSet(m, port));
    }
    return named;
  }

  private egressMatch(rule: CompiledRule, port: PortRef): Bits | null {
    const positive = this.portMatch(rule.ports, port);
    if (!positive) return null;
    const negative = rule.notPorts === undefined ? null : this.portMatch(rule.notPorts, port);
    const peers = this.ruleSet(rule);
    if (positive === this.all && negative === null) return peers;
    const bits = peers.slice();
    andInto(bits, positive);
    if (negative) for (let w = 0; w < bits.length; w++) bits[w] &= ~negative[w];
    return bits;
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

  /** The ingress row's classes: `any` true includes those allowed for some requests only. */
  ingressRowById(profileId: number, portId: number, any = false): Bits {
    const profile = this.profiles.ingress[profileId];
    if (profile.unrestricted) return this.all;
    const cache = this.rowIndexOf(profile).byPortId;
    let row = cache.get(portId);
    if (!row) cache.set(portId, (row = this.ingressRow(profileId, this.portList[portId])));
    return any ? row.any : row.full;
  }

  egressRowById(profileId: number, portId: number, any = false): Bits {
    const profile = this.profiles.egress[profileId];
    if (profile.unrestricted) return this.all;
    const cache = this.rowIndexOf(profile).byPortId;
    let row = cache.get(portId);
    if (!row) cache.set(portId, (row = this.egressRow(profileId, this.portList[portId])));
    return any ? row.any : row.full;
  }

  /** The verdict between two classes on one port (the diagonal is the caller's). */
  verdict(source: number, destination: number, port: PortRef): Verdict {
    const { ingressOf, egressOf } = this.profiles;
    const ingress = ingressOf[destination];
    const egress = egressOf[source];
    const id = this.portId(port);
    if (ingress >= 0 && !hasBit(this.ingressRowById(ingress, id, true), source)) return 'denied';
    if (egress >= 0 && !hasBit(this.egressRowById(egress, id, true), destination)) return 'denied';
    if (ingress >= 0 && !hasBit(this.ingressRowById(ingress, id), source)) return 'conditional';
    if (egress >= 0 && !hasBit(this.egressRowById(egress, id), destination)) return 'conditional';
    return 'allowed';
  }

  /** Allowed for every request (conditional connections are not). */
  allows(source: number, destination: number, port: PortRef): boolean {
    return this.verdict(source, destination, port) === 'allowed';
  }
}
