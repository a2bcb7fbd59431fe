import { CoreV1Api, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { buildModel, type ReadResult } from '@palisade/cluster-model';
import { assumeCni, audit, detectCni, type WorkloadFinding } from '@palisade/policy-engine';
import { eventually, kubeConfigFor } from '../../../test/kube-client';
import { FakeKubeApiServer } from '../server/fake-kube-api-server';
import type { KubeObject } from '../server/kube-object';
import { canonicalJson } from '../server/object-store';
import { startDemoCluster, type DemoCluster, type DemoStepEvent } from './demo-cluster';
import { DEMO_CILIUM_STORY } from './demo-cilium-story';
import {
  DEMO_INITIAL_FRONTEND_PODS,
  DEMO_INITIAL_PAYMENTS_API_PODS,
  DEMO_RESET_STEP_ID,
  DEMO_STEPS,
  type DemoExpectation,
} from './demo-story';

const READ_KINDS = [
  'Namespace',
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
];

/** What a collector would hand Palisade: every object the server holds, kind and apiVersion set. */
function read(server: FakeKubeApiServer): ReadResult {
  const objects = READ_KINDS.filter((kind) => server.serves(kind)).flatMap((kind) =>
    server.list(kind),
  );
  return buildModel(objects.map((obj) => ({ obj })));
}

/** The audit as the API runs it: with the plugin the cluster shows. */
function auditOf(server: FakeKubeApiServer) {
  const { model } = read(server);
  return audit(model, { cni: (detectCni(model) ?? assumeCni(model)).cni });
}

function workloads(server: FakeKubeApiServer): Map<string, WorkloadFinding> {
  return new Map(auditOf(server).workloads.map((w) => [`${w.namespace}/${w.kind}/${w.name}`, w]));
}

/** Lists what does not hold of an expectation (empty when it all holds). */
function unmet(expectation: DemoExpectation, found: Map<string, WorkloadFinding>): string[] {
  const failures: string[] = [];
  for (const key of expectation.unprotected ?? []) {
    if (found.get(key)?.unprotected !== true) failures.push(`${key} should be unprotected`);
  }
  for (const key of expectation.protected ?? []) {
    if (found.get(key)?.unprotected !== false) failures.push(`${key} should be protected`);
  }
  for (const key of expectation.published ?? []) {
    if (found.get(key)?.internetExposure !== 'published') failures.push(`${key} should be published, is ${found.get(key)?.internetExposure}`);
  }
  for (const key of expectation.absent ?? []) {
    if (found.has(key)) failures.push(`${key} should be gone`);
  }
  for (const [key, pods] of Object.entries(expectation.pods ?? {})) {
    if (found.get(key)?.pods !== pods)
      failures.push(`${key} should have ${pods} pods, has ${found.get(key)?.pods}`);
  }
  return failures;
}

function podsOf(server: FakeKubeApiServer, namespace: string, prefix: string): KubeObject[] {
  return server.list('Pod', namespace).filter((pod) => pod.metadata.name?.startsWith(prefix));
}

describe('the demo cluster', () => {
  let demo: DemoCluster | undefined;

  afterEach(async () => {
    await demo?.stop();
    demo = undefined;
  });

  it('starts with a realistic cluster that Palisade reads without a single problem', async () => {
    demo = await startDemoCluster({ speed: 0.001 });
    const { problems, counts } = read(demo.server);
    expect(problems).toEqual([]);
    expect(counts).toMatchObject({
      Namespace: 9,
      Node: 3,
      Deployment: 7,
      StatefulSet: 2,
      DaemonSet: 1,
      CronJob: 1,
      Ingress: 1,
      IngressClass: 1,
      AdminNetworkPolicy: 1,
      BaselineAdminNetworkPolicy: 1,
    });
    const found = workloads(demo.server);
    // Protected (default-deny plus allow rules) and unprotected workloads side by side.
    expect(
      unmet(
        {
          protected: [
            'shop/Deployment/frontend',
            'shop/Deployment/mailer',
            'payments/Deployment/api',
            'payments/StatefulSet/ledger',
          ],
          unprotected: [
            'analytics/Deployment/events-collector',
            'analytics/CronJob/nightly-report',
          ],
          absent: ['analytics/Deployment/report-api'],
        },
        found,
      ),
    ).toEqual([]);
    // The internet reaches the shop through ingress-nginx's load balancer; events-collector has
    // no policy, so its policies admit the internet, but no entry point leads there.
    expect(unmet({ published: ['ingress-nginx/Deployment/ingress-nginx-controller', 'shop/Deployment/frontend'] }, found)).toEqual([]);
    expect(found.get('shop/Deployment/frontend')?.entryPoints).toContainEqual(
      expect.objectContaining({ kind: 'Ingress', name: 'shop/shop', port: 443, host: 'shop.example.com', targetPort: 8080, admitted: true }),
    );
    expect(found.get('analytics/Deployment/events-collector')?.internetExposure).toBe('policy-only');
    expect(demo.server.list('Namespace').map((ns) => ns.metadata.name)).toEqual(
      expect.arrayContaining(['shop', 'payments', 'analytics', 'monitoring', 'kube-system']),
    );
  });

  it('shapes pods as the API shows them: owned by their ReplicaSet (by uid), hashed labels, IPs, named ports', async () => {
    demo = await startDemoCluster({ speed: 0.001 });
    const [pod] = podsOf(demo.server, 'shop', 'frontend-');
    const replicaSet = demo.server
      .list('ReplicaSet', 'shop')
      .find((rs) => rs.metadata.name?.startsWith('frontend-'));
    const hash = replicaSet?.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(replicaSet?.metadata.name).toBe(`frontend-${hash}`);
    expect(replicaSet?.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'frontend',
        uid: demo.server.get('Deployment', 'shop', 'frontend')?.metadata.uid,
      }),
    ]);
    expect(pod).toMatchObject({
      metadata: {
        generateName: `frontend-${hash}-`,
        labels: { app: 'frontend', 'pod-template-hash': hash },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: `frontend-${hash}`,
            uid: replicaSet?.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        nodeName: expect.stringMatching(/^demo-worker/),
        containers: [{ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
      },
      status: {
        phase: 'Running',
        podIP: expect.stringMatching(/^10\.244\.\d\.\d+$/),
        startTime: expect.any(String),
      },
    });
    const ips = demo.server.list('Pod').map((p) => (p['status'] as { podIP: string }).podIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('plays every step in order at speed 50, each leaving the cluster as the story says', async () => {
    const played: (DemoStepEvent & { at: number; failures: string[]; problems: number })[] = [];
    const started = Date.now();
    demo = await startDemoCluster({
      speed: 50,
      onStep: (event) => {
        const server = demo?.server;
        if (server === undefined) return;
        const failures = unmet(DEMO_STEPS[event.index]?.expect ?? {}, workloads(server));
        played.push({ ...event, at: Date.now(), failures, problems: read(server).problems.length });
      },
    });
    await demo.finished;
    expect(played.map((step) => step.id)).toEqual(DEMO_STEPS.map((step) => step.id));
    expect(played.map((step) => step.failures)).toEqual(DEMO_STEPS.map(() => []));
    expect(played.map((step) => step.problems)).toEqual(DEMO_STEPS.map(() => 0));
    // 100 ms apart at speed 50 (5 s at speed 1).
    played.forEach((step, index) =>
      expect(step.at - started).toBeGreaterThanOrEqual(95 * (index + 1)),
    );
    expect(played.at(-1)!.at - started).toBeLessThan(2000);
    const versions = played.map((step) => Number(step.resourceVersion));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('scales up by adding pods and restarts by replacing them with new names and IPs', async () => {
    demo = await startDemoCluster({ speed: 50 });
    await demo.finished;
    const frontend = podsOf(demo.server, 'shop', 'frontend-').map((p) => p.metadata.name);
    expect(frontend).toHaveLength(4);
    expect(frontend).toEqual(expect.arrayContaining([...DEMO_INITIAL_FRONTEND_PODS]));
    const api = podsOf(demo.server, 'payments', 'api-');
    expect(api).toHaveLength(2);
    for (const name of DEMO_INITIAL_PAYMENTS_API_PODS) {
      expect(api.map((p) => p.metadata.name)).not.toContain(name);
    }
    const replicaSets = demo.server.list('ReplicaSet', 'payments');
    expect(replicaSets.map((rs) => (rs['spec'] as { replicas: number }).replicas).sort()).toEqual([
      0, 2,
    ]);
    expect(demo.server.get('Deployment', 'payments', 'api')?.metadata.generation).toBe(2);
  });

  it('skips the admin policies on a cluster without their CRDs and still reads cleanly', async () => {
    const server = await FakeKubeApiServer.start();
    try {
      demo = await startDemoCluster({ speed: 50, server });
      await demo.finished;
      const { problems, counts } = read(server);
      expect(problems).toEqual([]);
      expect(counts['AdminNetworkPolicy']).toBeUndefined();
      // Without the baseline policy, monitoring is as open as any namespace without policies.
      expect(workloads(server).get('monitoring/StatefulSet/prometheus')?.unprotected).toBe(true);
    } finally {
      await demo?.stop();
      demo = undefined;
      await server.stop();
    }
  });

  it('with loop, returns to the initial state and plays the story again', async () => {
    const played: string[] = [];
    const shapeOf = (server: FakeKubeApiServer): Map<string, string> =>
      new Map(
        READ_KINDS.filter((kind) => server.serves(kind))
          .flatMap((kind) => server.list(kind))
          .map((o) => [
            `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`,
            // Key order is not state: an update may list the kept fields in another order.
            canonicalJson([o.metadata.labels, o['spec']]),
          ]),
      );
    let afterReset: Map<string, string> | undefined;
    demo = await startDemoCluster({
      speed: 100,
      loop: true,
      onStep: (event) => {
        played.push(`${event.iteration}:${event.id}`);
        if (event.id === DEMO_RESET_STEP_ID && demo !== undefined)
          afterReset = shapeOf(demo.server);
      },
    });
    const initial = shapeOf(demo.server);
    await eventually(
      () => played.includes(`1:${DEMO_STEPS[0]!.id}`),
      3000,
      'the second run of the story',
    );
    expect(played.slice(0, DEMO_STEPS.length + 2)).toEqual([
      ...DEMO_STEPS.map((step) => `0:${step.id}`),
      `1:${DEMO_RESET_STEP_ID}`,
      `1:${DEMO_STEPS[0]!.id}`,
    ]);
    expect(afterReset).toEqual(initial);
  });

  it('is followed by a client-node informer to the same state as the server', async () => {
    demo = await startDemoCluster({ speed: 50 });
    const kc = kubeConfigFor(demo.server);
    const api = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kc, '/api/v1/pods', () => api.listPodForAllNamespaces());
    const errors: unknown[] = [];
    informer.on('error', (err) => errors.push(err));
    await informer.start();
    try {
      await demo.finished;
      const server = demo.server;
      const expected = server
        .list('Pod')
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
        .sort();
      await eventually(
        () =>
          JSON.stringify(
            informer
              .list()
              .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)
              .sort(),
          ) === JSON.stringify(expected),
        2000,
        'the informer to catch up',
      );
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});

describe('the Cilium demo cluster', () => {
  let demo: DemoCluster | undefined;

  afterEach(async () => {
    await demo?.stop();
    demo = undefined;
  });

  it('shows Palisade a Cilium cluster whose policies only Cilium\'s semantics read right', async () => {
    demo = await startDemoCluster({ story: DEMO_CILIUM_STORY, speed: 0.001 });
    const { model, problems, counts } = read(demo.server);
    expect(problems).toEqual([]);
    expect(counts).toMatchObject({ CiliumNetworkPolicy: 4, CiliumClusterwideNetworkPolicy: 2, AdminNetworkPolicy: 1, DaemonSet: 1 });
    expect(detectCni(model)).toEqual({ cni: 'cilium', evidence: 'DaemonSet kube-system/cilium' });
    const report = auditOf(demo.server);
    expect(report.cni).toBe('cilium');
    // Cilium does not implement AdminNetworkPolicy, and a host policy applies to nodes.
    expect(report.notEnforced.map((n) => n.policy).sort()).toEqual(['AdminNetworkPolicy/deny-media-egress', 'CiliumClusterwideNetworkPolicy/nodes-ssh-from-bastion']);
    const found = workloads(demo.server);
    expect(unmet({ protected: ['store/Deployment/storefront', 'store/Deployment/catalog', 'billing/Deployment/api', 'billing/StatefulSet/db'], unprotected: ['media/Deployment/thumbnailer'] }, found)).toEqual([]);
    // world reaches the storefront; the catalog only for the storefront's GETs (an L7 rule).
    expect(found.get('store/Deployment/storefront')).toMatchObject({ internetIngress: true, internetIngressConditional: false, internetExposure: 'published' });
    expect(found.get('store/Deployment/storefront')?.entryPoints).toEqual([
      { kind: 'LoadBalancer', name: 'store/storefront', port: 80, protocol: 'TCP', targetPort: 8080, admitted: true },
    ]);
    expect(found.get('store/Deployment/catalog')).toMatchObject({ reachableFrom: 2, reachableFromConditional: 2 });
    // The cluster-wide deny keeps media out of billing, whatever else allows.
    expect(found.get('billing/StatefulSet/db')?.reachableFrom).toBe(1);
  });

  it('plays its steps, each leaving the cluster as the story says', async () => {
    const played: { id: string; failures: string[]; problems: number }[] = [];
    demo = await startDemoCluster({
      story: DEMO_CILIUM_STORY,
      speed: 50,
      onStep: (event) => {
        const server = demo?.server;
        if (server === undefined) return;
        played.push({ id: event.id, failures: unmet(DEMO_CILIUM_STORY.steps[event.index]?.expect ?? {}, workloads(server)), problems: read(server).problems.length });
      },
    });
    await demo.finished;
    expect(played).toEqual(DEMO_CILIUM_STORY.steps.map((step) => ({ id: step.id, failures: [], problems: 0 })));
  });
});
