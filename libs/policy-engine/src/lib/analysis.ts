import type { ClusterModel } from '@palisade/cluster-model';
import { Evaluator } from './evaluator';
import type { CniMode } from './cni';
import { compilePolicies, PolicySet } from './policy-set';
import { buildUniverse, Universe, UniverseOptions } from './universe';

export interface AnalyzeOptions extends UniverseOptions {
  /** Which policy kinds the cluster enforces (default: Kubernetes and admin policies). */
  readonly cni?: CniMode;
}

/** A compiled cluster: policies in evaluation order, pod classes, and the evaluator over them. */
export interface Analysis {
  readonly model: ClusterModel;
  readonly policies: PolicySet;
  readonly universe: Universe;
  readonly evaluator: Evaluator;
}

export function analyze(model: ClusterModel, options: AnalyzeOptions = {}): Analysis {
  const policies = compilePolicies(model, options.cni === undefined ? {} : { cni: options.cni });
  const universe = buildUniverse(model, policies, options);
  return { model, policies, universe, evaluator: new Evaluator(universe, policies) };
}
