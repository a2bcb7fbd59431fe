import type { ClusterModel } from '@palisade/cluster-model';
import { Evaluator } from './evaluator';
import { compilePolicies, PolicySet } from './policy-set';
import { buildUniverse, Universe, UniverseOptions } from './universe';

/** A compiled cluster: policies in evaluation order, pod classes, and the evaluator over them. */
export interface Analysis {
  readonly model: ClusterModel;
  readonly policies: PolicySet;
  readonly universe: Universe;
  readonly evaluator: Evaluator;
}

export function analyze(model: ClusterModel, options: UniverseOptions = {}): Analysis {
  const policies = compilePolicies(model);
  const universe = buildUniverse(model, policies, options);
  return { model, policies, universe, evaluator: new Evaluator(universe, policies) };
}
