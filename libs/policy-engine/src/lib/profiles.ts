import type { ContainerPort, PolicyDirection } from '@palisade/cluster-model';
import { effectiveTiers, EffectiveTier, isolatingPolicies, tiersIsolate } from './effective-rules';
import { calicoScope, ciliumScope, ScopeIndex } from './namespace-scope';
import type { CompiledRule, PolicyRef, PolicySet, SubjectMatcher } from './policy-set';
import { subjectMatches } from './policy-set';
import type { PortRef } from './ports';
import type { Universe } from './universe';

/**
 * A profile is what governs one direction of a class: the effective tiers (effective-rules.ts),
 * rule by rule. Classes with the same profile get the same verdict row, so rows are computed
 * once per profile.
 */
export interface Profile {
  readonly id: number;
  readonly direction: PolicyDirection;
  readonly tiers: readonly EffectiveTier[];
  /** The policies that isolate the class in this direction (tiers ending with Deny). */
  readonly isolatedBy: readonly PolicyRef[];
  /** Some traffic is denied by policy: an isolating tier, or a Deny rule. */
  readonly isolates: boolean;
  /** No rule of any tier applies: everything is allowed. */
  readonly unrestricted: boolean;
  /** Some Allow rule holds only for some requests: rows have a conditional part. */
  readonly conditional: boolean;
  /** Ingress profiles only: the destination's container ports (named ports resolve on them). */
  readonly ports: readonly ContainerPort[];
  /** Pods in all member classes. */
  weight: number;
  readonly members: number[];
}

export interface Profiles {
  readonly ingress: readonly Profile[];
  readonly egress: readonly Profile[];
  /** Per class id: its ingress / egress profile id (-1 for external classes). */
  readonly ingressOf: Int32Array;
  readonly egressOf: Int32Array;
  /** Per class id: indices into `PolicySet.all` of every policy whose subject includes it. */
  readonly policiesOf: readonly (readonly number[])[];
}

/**
 * Classes each policy's subject selects, by index in `PolicySet.all`. Only the classes of the
 * namespaces a subject can match are tested (a NetworkPolicy's own, the one a Cilium or Calico
 * selector names): on large clusters most policies live in one namespace.
 */
function subjectClasses(universe: Universe, policies: PolicySet): number[][] {
  const scopes = new ScopeIndex(universe);
  const candidatesOf = (subject: SubjectMatcher): Iterable<number> => {
    switch (subject.kind) {
      case 'namespace-pods': {
        const [from, to] = namespaceRange(universe, subject.namespace);
        return Array.from({ length: to - from }, (_, i) => from + i);
      }
      case 'cilium':
        return scopes.podClasses(ciliumScope(subject.selector, scopes.namespaceLabels));
      case 'calico':
        return scopes.podClasses(calicoScope(subject.expression, scopes.namespaceLabels));
      default:
        return scopes.podClasses(null);
    }
  };
  return policies.all.map((policy) => {
    const members: number[] = [];
    for (const c of candidatesOf(policy.subject)) {
      if (subjectMatches(policy.subject, universe.classes[c].view)) members.push(c);
    }
    return members;
  });
}

export function namespaceRange(universe: Universe, namespace: string): [number, number] {
  const i = universe.namespaceIndex.get(namespace);
  return i === undefined ? [0, 0] : [universe.namespaceStart[i], universe.namespaceStart[i + 1]];
}

function portsKey(ports: readonly ContainerPort[]): string {
  return ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',');
}

/** A small number per rule object, for profile keys. */
const ruleIds = new WeakMap<CompiledRule, number>();
let nextRuleId = 0;
function ruleId(rule: CompiledRule): number {
  let id = ruleIds.get(rule);
  if (id === undefined) ruleIds.set(rule, (id = nextRuleId++));
  return id;
}

function tiersKey(tiers: readonly EffectiveTier[]): string {
  return tiers.map((t) => `${t.index}${t.isolated ? '!' : ''}:${t.rules.map(ruleId).join('.')}`).join('|');
}

export function buildProfiles(universe: Universe, policies: PolicySet): Profiles {
  const classCount = universe.classes.length;
  const policiesOf: number[][] = universe.classes.map(() => []);
  subjectClasses(universe, policies).forEach((members, policyIndex) => {
    for (const c of members) policiesOf[c].push(policyIndex);
  });

  const build = (direction: PolicyDirection) => {
    const list: Profile[] = [];
    const byKey = new Map<string, Profile>();
    const of = new Int32Array(classCount).fill(-1);
    for (let c = 0; c < universe.podClassCount; c++) {
      const cls = universe.classes[c];
      const tiers = effectiveTiers(policies, policiesOf[c], direction, cls.view);
      const ports = direction === 'Ingress' ? cls.view.ports : [];
      const key = `${tiersKey(tiers)}#${portsKey(ports)}`;
      let profile = byKey.get(key);
      if (!profile) {
        profile = {
          id: list.length,
          direction,
          tiers,
          isolatedBy: isolatingPolicies(tiers),
          isolates: tiersIsolate(tiers),
          unrestricted: tiers.length === 0,
          conditional: tiers.some((t) => t.rules.some((r) => r.action === 'Allow' && r.conditional !== undefined)),
          ports,
          weight: 0,
          members: [],
        };
        byKey.set(key, profile);
        list.push(profile);
      }
      profile.members.push(c);
      profile.weight += cls.pods.length;
      of[c] = profile.id;
    }
    return { list, of };
  };

  const ingress = build('Ingress');
  const egress = build('Egress');
  return { ingress: ingress.list, egress: egress.list, ingressOf: ingress.of, egressOf: egress.of, policiesOf };
}

/** Whether the profile isolates its pods: a tier ends with Deny for them, or a rule denies. */
export function profileIsolates(profile: Profile): boolean {
  return profile.isolates;
}

/** Every rule of the profile, tier by tier. */
export function profileRules(profile: Profile): CompiledRule[] {
  return profile.tiers.flatMap((t) => t.rules);
}

export function portKey(port: PortRef): string {
  return `${port.port}/${port.protocol}`;
}
