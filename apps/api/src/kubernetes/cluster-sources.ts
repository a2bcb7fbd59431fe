import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { ClusterSource } from './cluster-source';
import { contextsOf } from './kube-config.factory';

export interface DiscoveredSources {
  readonly sources: ClusterSource[];
  /** True when nothing was configured and the built-in demo cluster should be watched. */
  readonly wantsDemo: boolean;
  /** What was found, for the boot log. */
  readonly notes: string[];
}

/**
 * Which clusters to watch: the kubeconfig contexts asked for (PALISADE_CONTEXTS, else the
 * current context), or the in-cluster service account, or (with neither) the demo cluster.
 */
export function discoverClusterSources(config: AppConfig['kubernetes']): DiscoveredSources {
  const notes: string[] = [];
  const file = config.kubeconfig?.split(path.delimiter)[0] ?? path.join(os.homedir(), '.kube', 'config');
  const sources: ClusterSource[] = [];
  if (fs.existsSync(file)) {
    const yaml = fs.readFileSync(file, 'utf8');
    const { contexts, current } = contextsOf(yaml);
    const wanted = config.contexts?.length ? config.contexts : current ? [current] : [];
    for (const context of wanted) {
      if (!contexts.includes(context)) {
        throw new Error(`PALISADE_CONTEXTS names "${context}", which ${file} does not define (it has: ${contexts.join(', ') || 'none'})`);
      }
      sources.push({ kind: 'kubeconfig', name: context, context, kubeconfigYaml: yaml });
    }
    notes.push(`kubeconfig ${file}: watching ${wanted.join(', ') || 'no context'}`);
  } else if (config.kubeconfig) {
    throw new Error(`KUBECONFIG points at ${file}, which does not exist`);
  } else if (config.inCluster) {
    sources.push({ kind: 'in-cluster', name: 'in-cluster' });
    notes.push('running in a cluster: watching it through the service account');
  }
  const wantsDemo = config.demo === 'on' || (config.demo === 'auto' && sources.length === 0);
  if (wantsDemo) notes.push('watching the built-in demo cluster');
  return { sources, wantsDemo, notes };
}
