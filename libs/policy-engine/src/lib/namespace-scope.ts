import type { CalicoExpression, CiliumSelector, Labels } from '@palisade/cluster-model';
import { CILIUM_NAMESPACE_LABEL, CILIUM_NAMESPACE_LABELS_PREFIX } from './cilium-labels';
import type { Universe } from './universe';

/**
 * Which pod classes a Cilium or Calico selector can match at all, read from the namespace it
 * names: most of them name one (a CiliumNetworkPolicy's own namespace, a Calico policy's
 * `projectcalico.org/namespace == "..."`, a namespace label), so the matcher needs to look at
 * that namespace's classes only instead of every class of the cluster. A scope is a superset of
 * the matches, never a guess: null when the selector does not narrow the namespaces.
 */
export interface Scope {
  readonly namespaces: ReadonlySet<string>;
  /**
   * Label keys a pod may carry itself and that the selector reads before its namespace's (a
   * Calico `pcns.` key): pods with such a label are candidates wherever they are.
   */
  readonly ownLabels: readonly string[];
}

const CALICO_NAMESPACE = 'projectcalico.org/namespace';
const CALICO_NAMESPACE_NAME = 'pcns.projectcalico.org/name';

function namespacesWhere(namespaceLabels: ReadonlyMap<string, Labels>, test: (labels: Labels, name: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const [name, labels] of namespaceLabels) if (test(labels, name)) names.add(name);
  return names;
}

function intersect(a: Scope | null, b: Scope | null): Scope | null {
  if (a === null) return b;
  if (b === null) return a;
  // A pod carrying one of the scopes' own labels may match in any namespace: keep the cheaper side whole.
  if (a.ownLabels.length > 0 || b.ownLabels.length > 0) return a.namespaces.size <= b.namespaces.size ? a : b;
  return { namespaces: new Set([...a.namespaces].filter((n) => b.namespaces.has(n))), ownLabels: [] };
}

function union(a: Scope, b: Scope): Scope {
  return { namespaces: new Set([...a.namespaces, ...b.namespaces]), ownLabels: [...new Set([...a.ownLabels, ...b.ownLabels])] };
}

/** The namespaces a Cilium selector's `In` requirements on the namespace (or its labels) allow. */
export function ciliumScope(selector: CiliumSelector, namespaceLabels: ReadonlyMap<string, Labels>): Scope | null {
  let scope: Scope | null = null;
  for (const r of selector.requirements) {
    // Only the `k8s` and `any` sources reach a pod's labels; others match no pod at all.
    if (r.operator !== 'In' || (r.source !== 'k8s' && r.source !== 'any')) continue;
    if (r.key === CILIUM_NAMESPACE_LABEL) {
      scope = intersect(scope, { namespaces: new Set(r.values), ownLabels: [] });
    } else if (r.key.startsWith(CILIUM_NAMESPACE_LABELS_PREFIX)) {
      const key = r.key.slice(CILIUM_NAMESPACE_LABELS_PREFIX.length);
      scope = intersect(scope, { namespaces: namespacesWhere(namespaceLabels, (labels) => r.values.includes(labels[key] ?? '\u0000')), ownLabels: [] });
    }
  }
  return scope;
}

/** The namespaces a Calico expression can match in (see calico-labels.ts for the keys). */
export function calicoScope(expression: CalicoExpression, namespaceLabels: ReadonlyMap<string, Labels>): Scope | null {
  switch (expression.op) {
    case 'eq':
    case 'in': {
      const values = 'values' in expression ? expression.values : [expression.value];
      if (expression.key === CALICO_NAMESPACE) return { namespaces: new Set(values), ownLabels: [] };
      if (expression.key === CALICO_NAMESPACE_NAME) return { namespaces: new Set(values), ownLabels: [expression.key] };
      if (expression.key.startsWith('pcns.')) {
        const key = expression.key.slice('pcns.'.length);
        return { namespaces: namespacesWhere(namespaceLabels, (labels) => values.includes(labels[key] ?? '\u0000')), ownLabels: [expression.key] };
      }
      return null;
    }
    case 'and':
      return expression.operands.reduce<Scope | null>((scope, operand) => intersect(scope, calicoScope(operand, namespaceLabels)), null);
    case 'or': {
      const scopes = expression.operands.map((operand) => calicoScope(operand, namespaceLabels));
      return scopes.some((s) => s === null) ? null : (scopes as Scope[]).reduce(union);
    }
    default:
      return null;
  }
}

/** Pod classes in a scope, from the universe's namespace ranges; cached per distinct scope. */
export class ScopeIndex {
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  private readonly withOwnLabel = new Map<string, number[]>();

  constructor(private readonly universe: Universe) {
    const labels = new Map<string, Labels>();
    universe.namespaces.forEach((name, i) => {
      const first = universe.namespaceStart[i];
      // A namespace without pods holds nothing to match.
      if (first < universe.namespaceStart[i + 1]) labels.set(name, universe.classes[first].view.namespaceLabels);
    });
    this.namespaceLabels = labels;
  }

  /** The pod classes a scope allows; every pod class when there is no scope. */
  podClasses(scope: Scope | null): number[] {
    const { universe } = this;
    if (scope === null) return Array.from({ length: universe.podClassCount }, (_, c) => c);
    const classes = new Set<number>();
    for (const name of scope.namespaces) {
      const i = universe.namespaceIndex.get(name);
      if (i === undefined) continue;
      for (let c = universe.namespaceStart[i]; c < universe.namespaceStart[i + 1]; c++) classes.add(c);
    }
    for (const key of scope.ownLabels) for (const c of this.carrying(key)) classes.add(c);
    return [...classes].sort((a, b) => a - b);
  }

  private carrying(key: string): number[] {
    let list = this.withOwnLabel.get(key);
    if (!list) {
      list = [];
      for (let c = 0; c < this.universe.podClassCount; c++) if (this.universe.classes[c].view.labels[key] !== undefined) list.push(c);
      this.withOwnLabel.set(key, list);
    }
    return list;
  }
}
