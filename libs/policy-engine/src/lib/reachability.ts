import {
  anyInRange,
  Bits,
  emptyBits,
  forEachBit,
  hasBit,
  intersects,
  orInto,
  setBit,
  weightedCount,
} from './bitset';
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

interface Masks {
  readonly pods: Bits;
  readonly internet: Bits;
  /** Pod classes whose egress nothing restricts. */
  readonly freeEgress: Bits;
  readonly restrictedEgress: Bits;
  readonly weights: Int32Array;
  readonly wordWeights: Float64Array;
}

function masks(evaluator: Evaluator): Masks {
  const { universe, profiles, words } = evaluator;
  const pods = emptyBits(words);
  const internet = emptyBits(words);
  const freeEgress = emptyBits(words);
  const restrictedEgress = emptyBits(words);
  const weights = new Int32Array(words * 32);
  for (const cls of universe.classes) {
    if (cls.kind === 'pod') {
      setBit(pods, cls.id);
      weights[cls.id] = cls.pods.length;
      setBit(profiles.egress[profiles.egressOf[cls.id]].unrestricted ? freeEgress : restrictedEgress, cls.id);
    } else if (cls.internet && cls.address === undefined) {
      setBit(internet, cls.id);
    }
  }
  const wordWeights = new Float64Array(words);
  for (let w = 0; w < words; w++) {
    for (let b = 0; b < 32; b++) wordWeights[w] += weights[(w << 5) + b];
  }
  return { pods, internet, freeEgress, restrictedEgress, weights, wordWeights };
}

/** Whether `allowed` holds a class of every namespace with pods other than `own`. */
function coversEveryOtherNamespace(evaluator: Evaluator, allowed: Bits, own: number): boolean {
  const { namespaceStart, namespaces } = evaluator.universe;
  let others = 0;
  for (let ns = 0; ns < namespaces.length; ns++) {
    const from = namespaceStart[ns];
    const to = namespaceStart[ns + 1];
    if (ns === own || from === to) continue;
    others++;
    if (!anyInRange(allowed, from, to)) return false;
  }
  return others > 0;
}

/**
 * Counts, for every pod class, how many pods can reach it and how many it can reach. A pair
 * (S, D) counts when, on some port of D, D's ingress row holds S and S's egress row holds D.
 * Rows are shared by profile, and the common cases (nothing restricts one side) are counted
 * per profile or per 32 classes at a time rather than pair by pair.
 */
export function analyzeReachability(evaluator: Evaluator): ClassReach[] {
  const { universe, profiles } = evaluator;
  const m = masks(evaluator);
  const classCount = universe.podClassCount;
  const hasInternet = m.internet.some((w) => w !== 0);

  // --- Who can reach each destination class.
  const reachableFrom = new Float64Array(classCount);
  const internetIngress = new Uint8Array(classCount);
  const fromEveryNamespace = new Uint8Array(classCount);
  const freeEgressWeight = weightedCount(m.freeEgress, m.weights, m.wordWeights);
  const restrictedEgressProfiles = profiles.egress.filter((p) => !p.unrestricted);

  for (let d = 0; d < classCount; d++) {
    const ingress = profiles.ingress[profiles.ingressOf[d]];
    const ports = evaluator.portIdsOf(d);
    const ownEgress = profiles.egressOf[d];
    const egressAllowsSelf =
      profiles.egress[ownEgress].unrestricted || ports.some((p) => hasBit(evaluator.egressRowById(ownEgress, p), d));
    let count: number;
    let selfAllowed: boolean;
    if (ingress.unrestricted) {
      // Every pod whose egress is free reaches it, plus the restricted profiles that allow it.
      count = freeEgressWeight;
      const allowed = m.freeEgress.slice();
      for (const egress of restrictedEgressProfiles) {
        if (!ports.some((p) => hasBit(evaluator.egressRowById(egress.id, p), d))) continue;
        count += egress.weight;
        for (const c of egress.members) setBit(allowed, c);
      }
      selfAllowed = egressAllowsSelf;
      internetIngress[d] = hasInternet ? 1 : 0;
      fromEveryNamespace[d] = coversEveryOtherNamespace(evaluator, allowed, universe.classes[d].namespace) ? 1 : 0;
    } else {
      const rows = ports.map((p) => evaluator.ingressRowById(ingress.id, p));
      const union = emptyBits(m.pods.length);
      for (const row of rows) orInto(union, row);
      internetIngress[d] = intersects(union, m.internet) ? 1 : 0;
      const allowed = union.slice();
      for (let w = 0; w < allowed.length; w++) allowed[w] &= m.freeEgress[w];
      count = weightedCount(allowed, m.weights, m.wordWeights);
      const candidates = union;
      for (let w = 0; w < candidates.length; w++) candidates[w] &= m.restrictedEgress[w];
      forEachBit(candidates, (s) => {
        const egress = profiles.egressOf[s];
        for (let i = 0; i < ports.length; i++) {
          if (hasBit(rows[i], s) && hasBit(evaluator.egressRowById(egress, ports[i]), d)) {
            count += m.weights[s];
            setBit(allowed, s);
            return;
          }
        }
      });
      selfAllowed = hasBit(allowed, d);
      fromEveryNamespace[d] = coversEveryOtherNamespace(evaluator, allowed, universe.classes[d].namespace) ? 1 : 0;
    }
    reachableFrom[d] = count - (selfAllowed ? 1 : 0);
  }

  // --- Whom each source class can reach.
  const reachableTo = new Float64Array(classCount);
  const internetEgress = new Uint8Array(classCount);
  const freeIngressWeight = profiles.ingress.filter((p) => p.unrestricted).reduce((sum, p) => sum + p.weight, 0);
  // Sources with free egress: add each restricted ingress profile's pods to the sources it admits.
  const fromRestrictedIngress = new Float64Array(classCount);
  for (const ingress of profiles.ingress) {
    if (ingress.unrestricted) continue;
    const ports = evaluator.portIdsOf(ingress.members[0]);
    const union = emptyBits(m.pods.length);
    for (const p of ports) orInto(union, evaluator.ingressRowById(ingress.id, p));
    for (let w = 0; w < union.length; w++) union[w] &= m.freeEgress[w];
    forEachBit(union, (s) => {
      fromRestrictedIngress[s] += ingress.weight;
    });
  }
  const atoms = evaluator.portAtoms().map((p) => evaluator.portId(p));
  const allPortIds = new Set<number>(atoms);
  for (let c = 0; c < classCount; c++) for (const p of evaluator.portIdsOf(c)) allPortIds.add(p);
  const reachableByEgressProfile = new Map<number, Bits>();

  for (let s = 0; s < classCount; s++) {
    const egressId = profiles.egressOf[s];
    const egress = profiles.egress[egressId];
    let count: number;
    let selfAllowed: boolean;
    const ownIngress = profiles.ingressOf[s];
    const ingressAllowsSelf = (ports: number[]) =>
      profiles.ingress[ownIngress].unrestricted || ports.some((p) => hasBit(evaluator.ingressRowById(ownIngress, p), s));
    if (egress.unrestricted) {
      count = freeIngressWeight + fromRestrictedIngress[s];
      internetEgress[s] = hasInternet ? 1 : 0;
      selfAllowed = ingressAllowsSelf(evaluator.portIdsOf(s));
    } else {
      let candidates = reachableByEgressProfile.get(egressId);
      if (!candidates) {
        candidates = emptyBits(m.pods.length);
        // Ports in one port atom share a row object: OR each distinct row once.
        const distinct = new Set<Bits>();
        for (const p of allPortIds) distinct.add(evaluator.egressRowById(egressId, p));
        for (const row of distinct) orInto(candidates, row);
        for (let w = 0; w < candidates.length; w++) candidates[w] &= m.pods[w];
        reachableByEgressProfile.set(egressId, candidates);
      }
      internetEgress[s] = atoms.some((a) => intersects(evaluator.egressRowById(egressId, a), m.internet)) ? 1 : 0;
      count = 0;
      selfAllowed = false;
      forEachBit(candidates, (d) => {
        const ingress = profiles.ingressOf[d];
        for (const p of evaluator.portIdsOf(d)) {
          if (
            hasBit(evaluator.egressRowById(egressId, p), d) &&
            (profiles.ingress[ingress].unrestricted || hasBit(evaluator.ingressRowById(ingress, p), s))
          ) {
            count += m.weights[d];
            if (d === s) selfAllowed = true;
            return;
          }
        }
      });
    }
    reachableTo[s] = count - (selfAllowed ? 1 : 0);
  }

  const result: ClassReach[] = [];
  for (let c = 0; c < classCount; c++) {
    result.push({
      reachableFrom: reachableFrom[c],
      reachableTo: reachableTo[c],
      internetIngress: internetIngress[c] === 1,
      internetEgress: internetEgress[c] === 1,
      fromEveryNamespace: fromEveryNamespace[c] === 1,
    });
  }
  return result;
}
