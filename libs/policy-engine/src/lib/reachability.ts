import { andInto, Bits, emptyBits, forEachBit, hasBit, orInto, setBit, weightedCount, wordsFor } from './bitset';
import type { Evaluator } from './evaluator';

/** Reachability figures of one pod class (every pod of the class has the same). */
export interface ClassReach {
  /** Other pods that can open a connection to a pod of the class on one of its ports. */
  readonly reachableFrom: number;
  /** Other pods a pod of the class can open a connection to, on one of their ports. */
  readonly reachableTo: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  /** Some pod of every other namespace (with pods) can connect; false with no other namespace. */
  readonly fromEveryNamespace: boolean;
}

/** Sources that reach an ingress profile the same way: one egress profile, one set of ports. */
interface SourceGroup {
  /** Egress profile of the sources, or FREE when nothing restricts their egress to pods. */
  readonly egress: number;
  /** Bit i set: the ingress row of port i admits these sources. */
  readonly mask: Bits;
  weight: number;
  readonly namespaces: Bits;
  /** Member classes, credited one by one with the destinations they reach. */
  readonly sources: number[];
}

const FREE = -1;

function reaches(verdict: string, any: boolean): boolean {
  return verdict === 'allowed' || (any && verdict === 'conditional');
}

/**
 * Counts, for every pod class, how many pods can reach it and how many it can reach.
 *
 * S reaches D when, on some port p of D, D's ingress row holds S and S's egress row holds D.
 * Destinations are taken one ingress profile at a time (its members share rows and ports);
 * the sources its rows admit are grouped by (egress profile, ports admitted), and each group
 * is tested once per destination. A group's pods are credited to the destination's
 * reachableFrom, and the destination's pods to the group's reachableTo, so both directions
 * come out of one pass whose cost follows the number of groups, not of pod pairs.
 *
 * `any` counts connections allowed for some requests only (L7 rules, DNS names) as reaching;
 * without it only connections allowed for every request count.
 */
export function analyzeReachability(evaluator: Evaluator, any = false): ClassReach[] {
  const { universe, profiles, words } = evaluator;
  const classCount = universe.podClassCount;
  const nsWords = wordsFor(universe.namespaces.length);

  const weights = new Float64Array(classCount);
  const pods = emptyBits(words);
  const internet = emptyBits(words);
  for (const cls of universe.classes) {
    if (cls.kind === 'pod') {
      setBit(pods, cls.id);
      weights[cls.id] = cls.pods.length;
    } else if (cls.internet && cls.address === undefined) {
      setBit(internet, cls.id);
    }
  }
  const hasInternet = internet.some((w) => w !== 0);
  // External classes come after every pod class: only their words can meet `internet`.
  const firstExternalWord = classCount >>> 5;
  const meetsInternet = (row: Bits) => {
    for (let w = firstExternalWord; w < words; w++) if ((row[w] & internet[w]) !== 0) return true;
    return false;
  };
  const containsAllPods = (row: Bits) => {
    for (let w = 0; w < words; w++) if ((row[w] & pods[w]) !== pods[w]) return false;
    return true;
  };

  // Every destination port of every pod, and one port per port atom ("any port").
  const destinationPorts = new Set<number>();
  for (let c = 0; c < classCount; c++) for (const p of evaluator.portIdsOf(c)) destinationPorts.add(p);
  const atoms = evaluator.portAtoms().map((p) => evaluator.portId(p));

  // Egress profiles: free (every pod on every destination port), and their namespaces.
  const egressCount = profiles.egress.length;
  const egressFree = new Uint8Array(egressCount);
  const egressNamespaces: Bits[] = [];
  const internetEgressOf = new Uint8Array(egressCount);
  let freeWeight = 0;
  const freeNamespaces = emptyBits(nsWords);
  for (const egress of profiles.egress) {
    const ns = emptyBits(nsWords);
    for (const c of egress.members) setBit(ns, universe.classes[c].namespace);
    egressNamespaces.push(ns);
    const free = egress.unrestricted || [...destinationPorts].every((p) => containsAllPods(evaluator.egressRowById(egress.id, p, any)));
    egressFree[egress.id] = free ? 1 : 0;
    if (free) {
      freeWeight += egress.weight;
      orInto(freeNamespaces, ns);
    }
    internetEgressOf[egress.id] =
      hasInternet && (egress.unrestricted || atoms.some((a) => meetsInternet(evaluator.egressRowById(egress.id, a, any)))) ? 1 : 0;
  }
  const restrictedEgress = profiles.egress.filter((e) => !egressFree[e.id]);

  const reachableFrom = new Float64Array(classCount);
  const reachableTo = new Float64Array(classCount);
  const reachableToByEgress = new Float64Array(egressCount);
  let reachableToOfFree = 0;
  const internetIngress = new Uint8Array(classCount);
  const fromEveryNamespace = new Uint8Array(classCount);

  // Namespaces that have pods: "every other namespace" means these, less the pod's own.
  const populated = emptyBits(nsWords);
  for (let c = 0; c < classCount; c++) setBit(populated, universe.classes[c].namespace);

  // Destinations whose ingress admits every pod on all their ports: what reaches them is
  // decided by the sources' egress alone, counted per egress profile below.
  const admitAll = emptyBits(words);
  const ingressRowsOf = profiles.ingress.map((ingress) =>
    evaluator.portIdsOf(ingress.members[0]).map((p) => evaluator.ingressRowById(ingress.id, p, any)),
  );
  for (const ingress of profiles.ingress) {
    if (ingress.unrestricted || ingressRowsOf[ingress.id].every(containsAllPods)) {
      for (const d of ingress.members) setBit(admitAll, d);
    }
  }
  countAdmitAll({
    evaluator, any, admitAll, pods, weights, restrictedEgress, freeWeight, freeNamespaces, egressNamespaces, populated,
    reachableFrom, reachableToByEgress, fromEveryNamespace,
    addFree: (weight) => (reachableToOfFree += weight),
  });

  for (const ingress of profiles.ingress) {
    const members = ingress.members;
    const ports = evaluator.portIdsOf(members[0]);
    const rows = ingressRowsOf[ingress.id];
    const ingressFromInternet = hasInternet && (ingress.unrestricted || rows.some(meetsInternet));
    for (const d of members) internetIngress[d] = ingressFromInternet ? 1 : 0;
    if (hasBit(admitAll, members[0])) continue;

    const full = emptyBits(wordsFor(ports.length));
    for (let i = 0; i < ports.length; i++) setBit(full, i);
    const groups: SourceGroup[] = [];
    {
      const byKey = new Map<string, SourceGroup>();
      const scratch = emptyBits(full.length);
      const union = emptyBits(words);
      for (const row of rows) orInto(union, row);
      for (let w = 0; w < words; w++) {
        let word = union[w] & pods[w];
        while (word !== 0) {
          const low = word & -word;
          const s = (w << 5) + (31 - Math.clz32(low));
          word ^= low;
          scratch.fill(0);
          for (let i = 0; i < rows.length; i++) if (hasBit(rows[i], s)) setBit(scratch, i);
          const egress = egressFree[profiles.egressOf[s]] ? FREE : profiles.egressOf[s];
          const key = scratch.length === 1 ? `${egress}:${scratch[0]}` : `${egress}:${scratch.join(',')}`;
          let group = byKey.get(key);
          if (!group) {
            group = { egress, mask: scratch.slice(), weight: 0, namespaces: emptyBits(nsWords), sources: [] };
            byKey.set(key, group);
            groups.push(group);
          }
          group.weight += weights[s];
          group.sources.push(s);
          setBit(group.namespaces, universe.classes[s].namespace);
        }
      }
    }

    const covered = members.map(() => emptyBits(nsWords));
    for (const group of groups) {
      let destinationWeight = 0;
      const egressRows = group.egress === FREE ? null : ports.map((p) => evaluator.egressRowById(group.egress, p, any));
      members.forEach((d, m) => {
        if (egressRows) {
          let ok = false;
          for (let i = 0; i < ports.length && !ok; i++) ok = hasBit(group.mask, i) && hasBit(egressRows[i], d);
          if (!ok) return;
        }
        reachableFrom[d] += group.weight;
        destinationWeight += weights[d];
        orInto(covered[m], group.namespaces);
      });
      if (destinationWeight === 0) continue;
      for (const s of group.sources) reachableTo[s] += destinationWeight;
    }

    members.forEach((d, m) => {
      const own = universe.classes[d].namespace;
      let others = 0;
      let all = true;
      for (let ns = 0; ns < universe.namespaces.length && all; ns++) {
        if (ns === own || !hasBit(populated, ns)) continue;
        others++;
        all = hasBit(covered[m], ns);
      }
      fromEveryNamespace[d] = all && others > 0 ? 1 : 0;
    });
  }

  const result: ClassReach[] = [];
  for (let c = 0; c < classCount; c++) {
    const egress = profiles.egressOf[c];
    const to = reachableTo[c] + (egressFree[egress] ? reachableToOfFree : reachableToByEgress[egress]);
    // A class reaching itself counts all its pods; a pod and itself is not a connection.
    const self = evaluator.portIdsOf(c).some((p) => reaches(evaluator.verdict(c, c, evaluator.port(p)), any)) ? 1 : 0;
    result.push({
      reachableFrom: reachableFrom[c] - self,
      reachableTo: to - self,
      internetIngress: internetIngress[c] === 1,
      internetEgress: internetEgressOf[egress] === 1,
      fromEveryNamespace: fromEveryNamespace[c] === 1,
    });
  }
  return result;
}

interface AdmitAllInput {
  readonly evaluator: Evaluator;
  readonly any: boolean;
  readonly admitAll: Bits;
  readonly pods: Bits;
  readonly weights: Float64Array;
  readonly restrictedEgress: readonly { readonly id: number; readonly weight: number; readonly members: readonly number[] }[];
  readonly freeWeight: number;
  readonly freeNamespaces: Bits;
  readonly egressNamespaces: readonly Bits[];
  readonly populated: Bits;
  readonly reachableFrom: Float64Array;
  readonly reachableToByEgress: Float64Array;
  readonly fromEveryNamespace: Uint8Array;
  readonly addFree: (weight: number) => void;
}

/**
 * Destinations whose ingress admits every pod: each is reached by every source with free
 * egress, and by the sources of each restricted egress profile whose rows hold it on one of
 * its ports. Computed per egress profile as a set of destinations (OR over ports of the
 * profile's row for that port, kept to the destinations that declare the port).
 */
function countAdmitAll(input: AdmitAllInput): void {
  const { evaluator, any, admitAll, pods, weights, restrictedEgress, populated, reachableFrom, reachableToByEgress } = input;
  const { universe } = evaluator;
  const classCount = universe.podClassCount;
  const words = admitAll.length;
  const wordWeights = new Float64Array(words);
  const intWeights = new Int32Array(words * 32);
  for (let c = 0; c < classCount; c++) {
    intWeights[c] = weights[c];
    wordWeights[c >>> 5] += weights[c];
  }
  input.addFree(weightedCount(admitAll, intWeights, wordWeights));
  for (let c = 0; c < classCount; c++) if (hasBit(admitAll, c)) reachableFrom[c] += input.freeWeight;

  // Destinations (of admitAll) that declare each port, or judge it for want of declared ports.
  const withPort = new Map<number, Bits>();
  forEachBit(admitAll, (d) => {
    for (const p of evaluator.portIdsOf(d)) {
      let bits = withPort.get(p);
      if (!bits) withPort.set(p, (bits = emptyBits(words)));
      setBit(bits, d);
    }
  });

  // Per namespace without free sources: the destinations some pod of it can reach.
  const namespaceCount = universe.namespaces.length;
  const reachedFromNamespace: (Bits | null)[] = new Array(namespaceCount).fill(null);
  const allowed = emptyBits(words);
  for (const egress of restrictedEgress) {
    allowed.fill(0);
    for (const [p, destinations] of withPort) {
      const row = evaluator.egressRowById(egress.id, p, any);
      for (let w = 0; w < words; w++) allowed[w] |= row[w] & destinations[w];
    }
    andInto(allowed, pods);
    reachableToByEgress[egress.id] += weightedCount(allowed, intWeights, wordWeights);
    forEachBit(allowed, (d) => {
      reachableFrom[d] += egress.weight;
    });
    forEachBit(input.egressNamespaces[egress.id], (ns) => {
      if (hasBit(input.freeNamespaces, ns)) return;
      const reached = (reachedFromNamespace[ns] ??= emptyBits(words));
      orInto(reached, allowed);
    });
  }

  // Reached from every other namespace: each populated namespace has free sources, reaches
  // the destination, or is the destination's own.
  const every = admitAll.slice();
  let populatedCount = 0;
  for (let ns = 0; ns < namespaceCount; ns++) {
    if (!hasBit(populated, ns)) continue;
    populatedCount++;
    if (hasBit(input.freeNamespaces, ns)) continue;
    const reached = reachedFromNamespace[ns] ?? emptyBits(words);
    const from = universe.namespaceStart[ns];
    const to = universe.namespaceStart[ns + 1];
    for (let c = from; c < to; c++) setBit(reached, c);
    andInto(every, reached);
  }
  forEachBit(every, (d) => {
    // With a single populated namespace there is no other namespace to be reached from.
    input.fromEveryNamespace[d] = populatedCount > 1 ? 1 : 0;
  });
}
