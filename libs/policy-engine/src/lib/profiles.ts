import type { ContainerPort, PolicyDirection } from '@palisade/cluster-model';
import type { CompiledRule, PolicyRef, PolicySet } from './policy-set';
import { rulesFor, subjectMatches } from './policy-set';
import type { PortRef } from './ports';
import type { Universe } from './universe';

/**
 * A profile is what governs one direction of a class: the Admin-tier rules, the
 * NetworkPolicies that isolate it (if any) and the Baseline-tier rules. Classes with the same
 * profile get the same verdict row, so rows are computed once per profile.
 */
export interface Profile {
  readonly id: number;
  readonly direction: PolicyDirection;
  /** Admin-tier rules in evaluation order (policies by precedence, rules in order). */
  readonly admin: readonly CompiledRule[];
  /** Rules of the isolating NetworkPolicies; null when no NetworkPolicy selects the class. */
  readonly networkPolicy: readonly CompiledRule[] | null;
  readonly isolatedBy: readonly PolicyRef[];
  readonly baseline: readonly CompiledRule[];
  /** No rule of any tier applies: everything is allowed. */
  readonly unrestricted: boolean;
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

/** Classes each policy's subject selects, by index in `PolicySet.all`. */
function subjectClasses(universe: Universe, policies: PolicySet): number[][] {
  return policies.all.map((policy) => {
    const members: number[] = [];
    const candidates =
      policy.subject.kind === 'namespace-pods'
        ? namespaceRange(universe, policy.subject.namespace)
        : [0, universe.podClassCount];
    for (let c = candidates[0]; c < candidates[1]; c++) {
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
      const applying = policiesOf[c].filter((i) => rulesFor(policies.all[i], direction) !== null);
      const ports = direction === 'Ingress' ? cls.view.ports : [];
      const key = `${applying.join(',')}#${portsKey(ports)}`;
      let profile = byKey.get(key);
      if (!profile) {
        const tier = (layer: string) =>
          applying.map((i) => policies.all[i]).filter((p) => p.layer === layer);
        const nps = tier('networkPolicy');
        profile = {
          id: list.length,
          direction,
          admin: tier('admin').flatMap((p) => rulesFor(p, direction) ?? []),
          networkPolicy: nps.length ? nps.flatMap((p) => rulesFor(p, direction) ?? []) : null,
          isolatedBy: nps.map((p) => p.ref),
          baseline: tier('baseline').flatMap((p) => rulesFor(p, direction) ?? []),
          unrestricted: applying.length === 0,
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

/** Whether the profile isolates its pods: a NetworkPolicy selects them or an admin rule denies. */
export function profileIsolates(profile: Profile): boolean {
  return (
    profile.networkPolicy !== null ||
    profile.admin.some((r) => r.action === 'Deny') ||
    profile.baseline.some((r) => r.action === 'Deny')
  );
}

export function portKey(port: PortRef): string {
  return `${port.port}/${port.protocol}`;
}
