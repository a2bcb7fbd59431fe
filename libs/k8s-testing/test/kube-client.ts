import {
  ApiException,
  KubeConfig,
  type Informer,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { FakeKubeApiServer, KubeObject } from '../src';

/** One KubeConfig per server, built the way a consumer does it. */
export function kubeConfigFor(server: FakeKubeApiServer, contextName?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(server.kubeconfigYaml(contextName));
  return kc;
}

/** Polls until the check passes (returning its value) or the time is up. */
export async function eventually<T>(
  check: () => T | undefined | false,
  timeoutMs = 3000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The ApiException a client-node call rejected with (fails the test if it resolved). */
export async function apiError(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiException)) throw error;
    const text = typeof error.body === 'string' ? error.body : '';
    return {
      code: error.code,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  }
  throw new Error('expected the call to fail with an ApiException');
}

export function namespaceObject(name: string, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(labels !== undefined && { labels }) },
  };
}

export function podObject(
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
  podIP?: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      containers: [
        { name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] },
      ],
    },
    ...(podIP !== undefined && { status: { phase: 'Running', podIP, podIPs: [{ ip: podIP }] } }),
  };
}

/** Records what an informer emits: `verb name` lines, errors, and how often it (re)connected. */
export interface InformerLog {
  readonly lines: string[];
  readonly errors: unknown[];
  readonly connects: { count: number };
  has(line: string): boolean;
}

export function recordInformer<T extends KubernetesObject>(informer: Informer<T>): InformerLog {
  const lines: string[] = [];
  const errors: unknown[] = [];
  const connects = { count: 0 };
  for (const verb of ['add', 'update', 'delete'] as const) {
    informer.on(verb, (obj: T) => lines.push(`${verb} ${obj.metadata?.name ?? ''}`));
  }
  informer.on('error', (err: unknown) => errors.push(err));
  informer.on('connect', () => {
    connects.count += 1;
  });
  return { lines, errors, connects, has: (line) => lines.includes(line) };
}
