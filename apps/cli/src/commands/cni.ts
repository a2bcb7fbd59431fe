import type { ClusterModel } from '@palisade/cluster-model';
import { assumeCni, CNI_NAMES, detectCni, type CniDetection } from '@palisade/policy-engine';

/** Values `--cni` takes: `auto`, or a plugin's name. */
export const CNI_CHOICES = ['auto', ...Object.keys(CNI_NAMES)];

/**
 * Which policy kinds to evaluate: the plugin named by `--cni`; with `auto`, the one the input
 * shows (its agent DaemonSet), else the one whose policies the input holds.
 */
export function resolveCni(option: string | undefined, model: ClusterModel): CniDetection {
  if (option !== undefined && option !== 'auto') {
    const cni = CNI_NAMES[option];
    if (cni !== undefined) return { cni, evidence: `--cni ${option}` };
  }
  return detectCni(model) ?? assumeCni(model);
}
