import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildModel, parseManifestText, type ClusterModel } from '@palisade/cluster-model';
import { audit, pairwiseReachability, type AuditReport, type PairwiseReach } from '@palisade/policy-engine';
import type { ClusterCni } from './plan';
import { maxRssMb, rssMb, RssSampler } from './rss-sampler';

/** Reading the dump into a model. */
export interface ParseFigures {
  readonly model: {
    readonly pods: number;
    readonly namespaces: number;
    readonly workloads: number;
    readonly networkPolicies: number;
    readonly ciliumPolicies: number;
    readonly calicoPolicies: number;
    readonly adminPolicies: number;
  };
  readonly dumpMb: number;
  readonly problems: number;
  readonly readMs: number;
  /** parseManifestText + buildModel: what the table calls parse. */
  readonly parseMs: number;
  readonly parseTextMs: number;
  readonly buildModelMs: number;
  /** RSS once the file is read, before parsing. */
  readonly afterReadMb: number;
  readonly parsePeakMb: number;
  readonly beforeEvaluationMb: number;
}

/** One audit(model). */
export interface EvaluationFigures {
  readonly evaluationMs: number;
  /** Highest RSS sampled while the audit ran. */
  readonly evaluationPeakMb: number;
  /** Kernel high-water mark of the process after the audit: read, parse and evaluation. */
  readonly peakMb: number;
  readonly score: number | null;
  readonly unprotectedPods: number;
  readonly exposedPods: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  /** Pods that some peers reach only for some requests (L7 rules). */
  readonly conditionalPods: number;
  /** Policies read but not enforced by the plugin (the admin kinds under Cilium). */
  readonly notEnforcedPolicies: number;
}

/** Per-pod disagreements between the fast path and the pairwise baseline, by figure. */
export interface Mismatches {
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly internetIngress: number;
  readonly internetEgress: number;
  readonly fromEveryNamespace: number;
  /** Pods with any disagreement in the figures above. */
  readonly pods: number;
  /** A few of them, for a person to look at. */
  readonly examples: readonly string[];
}

export interface PairwiseFigures {
  readonly ms: number;
  readonly mismatches: Mismatches;
}

/** What a measuring child reports, phase by phase, so a run cut short still tells what it got. */
export type MeasureEvent =
  | { readonly kind: 'parsed'; readonly figures: ParseFigures }
  | { readonly kind: 'evaluated'; readonly figures: EvaluationFigures }
  | { readonly kind: 'compared'; readonly figures: PairwiseFigures };

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/**
 * Reads and parses the dump in a function of its own, so the text and the raw objects are
 * garbage by the time the audit runs, as they are in the CLI.
 */
function load(file: string, sampler: RssSampler): { model: ClusterModel; figures: ParseFigures } {
  const read = timed(() => readFileSync(file, 'utf8'));
  const afterReadMb = rssMb();
  sampler.reset();
  const parsed = timed(() => parseManifestText(read.value, file));
  const built = timed(() => buildModel(parsed.value.objects));
  const { model } = built.value;
  return {
    model,
    figures: {
      model: {
        pods: model.pods.length,
        namespaces: model.namespaces.length,
        workloads: model.workloads.length,
        networkPolicies: model.networkPolicies.length,
        ciliumPolicies: model.ciliumPolicies.length,
        calicoPolicies: model.calicoPolicies.length,
        adminPolicies: model.adminPolicies.length,
      },
      dumpMb: statSync(file).size / 1024 / 1024,
      problems: parsed.value.problems.length + built.value.problems.length,
      readMs: read.ms,
      parseMs: parsed.ms + built.ms,
      parseTextMs: parsed.ms,
      buildModelMs: built.ms,
      afterReadMb,
      parsePeakMb: sampler.peakMb(),
      beforeEvaluationMb: rssMb(),
    },
  };
}

const EXAMPLES = 5;

/** Compares every pod's figures; the fast report must cover every namespace for this. */
export function compareWithPairwise(model: ClusterModel, fast: AuditReport, pairwise: readonly PairwiseReach[]): Mismatches {
  const byPod = new Map(fast.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const counts = { reachableFrom: 0, reachableTo: 0, internetIngress: 0, internetEgress: 0, fromEveryNamespace: 0, pods: 0 };
  const examples: string[] = [];
  model.pods.forEach((pod, i) => {
    const key = `${pod.namespace}/${pod.name}`;
    const f = byPod.get(key);
    const p = pairwise[i];
    if (f === undefined) {
      counts.pods++;
      if (examples.length < EXAMPLES) examples.push(`${key}: missing from the fast report`);
      return;
    }
    const differences: string[] = [];
    const check = (name: keyof typeof counts, a: number | boolean, b: number | boolean) => {
      if (a === b) return;
      counts[name]++;
      differences.push(`${name} fast=${String(a)} pairwise=${String(b)}`);
    };
    check('reachableFrom', f.reachableFrom, p.reachableFrom);
    check('reachableTo', f.reachableTo, p.reachableTo);
    check('internetIngress', f.internetIngress, p.internetIngress);
    check('internetEgress', f.internetEgress, p.internetEgress);
    check('fromEveryNamespace', f.reachableFromEveryNamespace, p.fromEveryNamespace);
    if (differences.length > 0) {
      counts.pods++;
      if (examples.length < EXAMPLES) examples.push(`${key}: ${differences.join(', ')}`);
    }
  });
  return { ...counts, examples };
}

/**
 * One size, in a process of its own: parse, audit with the semantics of the cluster's plugin,
 * and the pairwise baseline (same plugin) when there are at most `pairwiseMax` pods. `report` is
 * awaited after each phase so the parent has the figures before the next (possibly very long)
 * synchronous phase starts.
 */
export async function measure(
  file: string,
  options: { readonly pairwiseMax: number; readonly cni: ClusterCni },
  report: (event: MeasureEvent) => Promise<void>,
): Promise<void> {
  const { pairwiseMax, cni } = options;
  const sampler = new RssSampler();
  try {
    const { model, figures } = load(file, sampler);
    await report({ kind: 'parsed', figures });

    sampler.reset();
    const evaluation = timed(() => audit(model, { cni }));
    const evaluationPeakMb = sampler.peakMb();
    // Read before the baseline runs: the high-water mark is the fast path's (and parsing's).
    const peakMb = maxRssMb();
    const { cluster, pods } = evaluation.value;
    await report({
      kind: 'evaluated',
      figures: {
        evaluationMs: evaluation.ms,
        evaluationPeakMb,
        peakMb,
        score: cluster.score,
        unprotectedPods: cluster.unprotectedPods,
        exposedPods: cluster.exposedPods,
        ingressIsolatedPercent: cluster.ingressIsolatedPercent,
        egressIsolatedPercent: cluster.egressIsolatedPercent,
        conditionalPods: pods.filter((p) => p.reachableFromConditional > 0).length,
        notEnforcedPolicies: cluster.policies.notEnforced,
      },
    });

    if (model.pods.length <= pairwiseMax) {
      // The fast figures count peers allowed only for some requests (L7 rules) too: `any` does.
      const baseline = timed(() => pairwiseReachability(model, { cni, any: true }));
      // kube-system is left out of scores by default; the comparison covers every pod.
      const everyPod = audit(model, { cni, excludeNamespaces: [] });
      await report({ kind: 'compared', figures: { ms: baseline.ms, mismatches: compareWithPairwise(model, everyPod, baseline.value) } });
    }
  } finally {
    await sampler.stop();
  }
}
