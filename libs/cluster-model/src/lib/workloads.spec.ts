import { dedent, readYaml } from '../../test/read-manifest';
import type { ReadResult } from './types';

const workloadOf = (result: ReadResult, name: string): unknown =>
  result.model.pods.find((pod) => pod.name === name)?.workload;

const DEPLOYMENT = `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop, labels: {tier: front}}
  spec:
    replicas: 3
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: nginx
            ports: [{name: http, containerPort: 8080}, {containerPort: 9090, protocol: UDP}]
`;

describe('owner resolution', () => {
  it('follows Pod -> ReplicaSet -> Deployment', () => {
    const result = readYaml(`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d8f
        namespace: shop
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-5d8f-abcde
        namespace: shop
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, controller: true}]
    `);
    expect(workloadOf(result, 'web-5d8f-abcde')).toEqual({ kind: 'Deployment', name: 'web' });
    expect(result.model.workloads).toEqual([
      { namespace: 'shop', kind: 'Deployment', name: 'web', labels: {} },
    ]);
  });

  it('follows Pod -> Job -> CronJob', () => {
    const result = readYaml(`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: ops}
      spec: {schedule: "@daily", jobTemplate: {spec: {template: {spec: {containers: [{name: r}]}}}}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: report-28000000
        namespace: ops
        ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, controller: true}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: report-28000000-xyz
        namespace: ops
        ownerReferences: [{apiVersion: batch/v1, kind: Job, name: report-28000000, controller: true}]
      status: {phase: Running}
    `);
    expect(workloadOf(result, 'report-28000000-xyz')).toEqual({ kind: 'CronJob', name: 'report' });
    expect(result.model.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual(['CronJob/report']);
    expect(result.model.pods).toHaveLength(1);
  });

  it('infers the Deployment from pod-template-hash when only pods are given', () => {
    const result = readYaml(`
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-7c9d6b4f5-qwert
        namespace: shop
        labels: {app: api, pod-template-hash: 7c9d6b4f5}
        ownerReferences: [{kind: ReplicaSet, name: api-7c9d6b4f5, controller: true}]
    `);
    expect(workloadOf(result, 'api-7c9d6b4f5-qwert')).toEqual({ kind: 'Deployment', name: 'api' });
    expect(result.model.workloads).toEqual([
      { namespace: 'shop', kind: 'Deployment', name: 'api', labels: {} },
    ]);
  });

  it('keeps a ReplicaSet whose name does not carry the pod-template-hash', () => {
    const result = readYaml(`
      kind: Pod
      metadata:
        name: legacy-x
        labels: {pod-template-hash: abc}
        ownerReferences: [{kind: ReplicaSet, name: legacy, controller: true}]
    `);
    expect(workloadOf(result, 'legacy-x')).toEqual({ kind: 'ReplicaSet', name: 'legacy' });
  });

  it('keeps a Job that the input does not show owned by a CronJob', () => {
    const result = readYaml(`
      kind: Pod
      metadata:
        name: backup-28000000-abc
        ownerReferences: [{kind: Job, name: backup-28000000, controller: true}]
    `);
    expect(workloadOf(result, 'backup-28000000-abc')).toEqual({
      kind: 'Job',
      name: 'backup-28000000',
    });
  });

  it.each([
    ['StatefulSet', 'db'],
    ['DaemonSet', 'agent'],
    ['ReplicationController', 'old'],
  ])('takes a %s owner as the workload', (kind, name) => {
    const result = readYaml(`
      kind: Pod
      metadata:
        name: p
        ownerReferences: [{kind: ${kind}, name: ${name}, controller: true}]
    `);
    expect(workloadOf(result, 'p')).toEqual({ kind, name });
  });

  it('prefers the controller reference over other owners', () => {
    const result = readYaml(`
      kind: Pod
      metadata:
        name: p
        ownerReferences: [{kind: DaemonSet, name: other}, {kind: StatefulSet, name: db, controller: true}]
    `);
    expect(workloadOf(result, 'p')).toEqual({ kind: 'StatefulSet', name: 'db' });
  });

  it('makes a pod without a controller, or with one Palisade does not know, its own workload', () => {
    const result = readYaml(`
      kind: Pod
      metadata: {name: debug, namespace: shop, labels: {run: debug}}
      ---
      kind: Pod
      metadata:
        name: kube-apiserver-node1
        namespace: kube-system
        ownerReferences: [{kind: Node, name: node1, controller: true}]
    `);
    expect(workloadOf(result, 'debug')).toEqual({ kind: 'Pod', name: 'debug' });
    expect(workloadOf(result, 'kube-apiserver-node1')).toEqual({
      kind: 'Pod',
      name: 'kube-apiserver-node1',
    });
    expect(result.model.workloads).toEqual([
      {
        namespace: 'shop',
        kind: 'Pod',
        name: 'debug',
        labels: { run: 'debug' },
        source: { file: 'manifest.yaml', document: 0 },
      },
      {
        namespace: 'kube-system',
        kind: 'Pod',
        name: 'kube-apiserver-node1',
        labels: {},
        source: { file: 'manifest.yaml', document: 1 },
      },
    ]);
  });
});

describe('pods', () => {
  it('reads IPs, ports, phase, host network and node', () => {
    const { model } = readYaml(`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: n, labels: {app: a}}
      spec:
        nodeName: node-1
        hostNetwork: false
        initContainers: [{name: init, ports: [{containerPort: 1}]}]
        containers:
          - name: a
            ports: [{name: http, containerPort: 80}, {containerPort: 53, protocol: UDP}]
          - name: b
            ports: [{name: metrics, containerPort: 9090, protocol: TCP}]
      status:
        phase: Running
        podIP: 10.0.0.5
        podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]
    `);
    expect(model.pods).toEqual([
      {
        namespace: 'n',
        name: 'p',
        labels: { app: 'a' },
        ips: ['10.0.0.5', 'fd00::5'],
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
          { name: 'metrics', port: 9090, protocol: 'TCP' },
        ],
        phase: 'Running',
        hostNetwork: false,
        nodeName: 'node-1',
        serviceAccount: 'default',
        workload: { kind: 'Pod', name: 'p' },
        synthetic: false,
        source: { file: 'manifest.yaml', document: 0 },
      },
    ]);
  });

  it('falls back to status.podIP, and calls a pod without status Pending', () => {
    const { model } = readYaml(`
      kind: Pod
      metadata: {name: a}
      status: {podIP: 10.1.1.1}
      ---
      kind: Pod
      metadata: {name: b}
    `);
    expect(model.pods.map((p) => [p.name, p.ips, p.phase])).toEqual([
      ['a', ['10.1.1.1'], 'Pending'],
      ['b', [], 'Pending'],
    ]);
  });

  it('drops finished pods, which cannot receive traffic, but counts them', () => {
    const result = readYaml(`
      kind: Pod
      metadata: {name: done}
      status: {phase: Succeeded}
      ---
      kind: Pod
      metadata: {name: crashed}
      status: {phase: Failed}
      ---
      kind: Pod
      metadata: {name: alive}
      status: {phase: Running}
    `);
    expect(result.model.pods.map((p) => p.name)).toEqual(['alive']);
    expect(result.model.workloads.map((w) => w.name)).toEqual(['alive']);
    expect(result.counts).toEqual({ Pod: 3 });
  });
});

describe('synthetic pods', () => {
  it('stands in for the replicas of a Deployment given without pods', () => {
    const { model } = readYaml(DEPLOYMENT);
    expect(model.workloads).toEqual([
      {
        namespace: 'shop',
        kind: 'Deployment',
        name: 'web',
        labels: { tier: 'front' },
        source: { file: 'manifest.yaml', document: 0 },
      },
    ]);
    expect(model.pods.map((p) => p.name)).toEqual([
      'web-synthetic-0',
      'web-synthetic-1',
      'web-synthetic-2',
    ]);
    expect(model.pods[0]).toEqual({
      namespace: 'shop',
      name: 'web-synthetic-0',
      labels: { app: 'web' },
      ips: [],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { port: 9090, protocol: 'UDP' },
      ],
      phase: 'Running',
      hostNetwork: false,
      serviceAccount: 'default',
      workload: { kind: 'Deployment', name: 'web' },
      synthetic: true,
      source: { file: 'manifest.yaml', document: 0 },
    });
  });

  it('invents nothing for a workload whose pods are in the input, even finished ones', () => {
    const { model } = readYaml(
      `${dedent(DEPLOYMENT)}\n---\n${dedent(`
      kind: Pod
      metadata:
        name: web-abc-1
        namespace: shop
        labels: {app: web, pod-template-hash: abc}
        ownerReferences: [{kind: ReplicaSet, name: web-abc, controller: true}]
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: once, namespace: shop}
      spec: {template: {spec: {containers: [{name: c}]}}}
      ---
      kind: Pod
      metadata:
        name: once-x
        namespace: shop
        ownerReferences: [{kind: Job, name: once, controller: true}]
      status: {phase: Succeeded}
    `)}`,
    );
    expect(model.pods.map((p) => `${p.name}:${p.synthetic}`)).toEqual(['web-abc-1:false']);
  });

  it.each([
    [
      'a Deployment scaled to zero',
      'apps/v1',
      'Deployment',
      'replicas: 0, template: {metadata: {labels: {a: b}}}',
      [],
    ],
    [
      'a Deployment without replicas',
      'apps/v1',
      'Deployment',
      'template: {metadata: {labels: {a: b}}}',
      ['w-synthetic-0'],
    ],
    [
      'a StatefulSet, with ordinal names',
      'apps/v1',
      'StatefulSet',
      'replicas: 2, template: {metadata: {labels: {a: b}}}',
      ['w-0', 'w-1'],
    ],
    [
      'a DaemonSet, once',
      'apps/v1',
      'DaemonSet',
      'template: {metadata: {labels: {a: b}}}',
      ['w-synthetic-0'],
    ],
    [
      'a ReplicationController',
      'v1',
      'ReplicationController',
      'replicas: 2, template: {metadata: {labels: {a: b}}}',
      ['w-synthetic-0', 'w-synthetic-1'],
    ],
    ['a Job, once', 'batch/v1', 'Job', 'template: {metadata: {labels: {a: b}}}', ['w-synthetic-0']],
    [
      'a CronJob, from its job template',
      'batch/v1',
      'CronJob',
      'jobTemplate: {spec: {template: {metadata: {labels: {a: b}}}}}',
      ['w-synthetic-0'],
    ],
  ])('synthesizes pods for %s', (_name, apiVersion, kind, spec, names) => {
    const { model, problems } = readYaml(`
      apiVersion: ${apiVersion}
      kind: ${kind}
      metadata: {name: w}
      spec: {${spec}}
    `);
    expect(problems).toEqual([]);
    expect(model.pods.map((p) => p.name)).toEqual(names);
    for (const pod of model.pods) {
      expect(pod).toMatchObject({
        labels: { a: 'b' },
        synthetic: true,
        workload: { kind, name: 'w' },
      });
    }
  });

  it('invents no pod for a Job that has finished', () => {
    const { model } = readYaml(`
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec: {template: {spec: {containers: [{name: m}]}}}
      status: {conditions: [{type: Complete, status: "True"}]}
    `);
    expect(model.pods).toEqual([]);
    expect(model.workloads.map((w) => w.name)).toEqual(['migrate']);
  });

  it('takes host networking from the template', () => {
    const { model } = readYaml(`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: node-agent}
      spec: {template: {spec: {hostNetwork: true, containers: [{name: a}]}}}
    `);
    expect(model.pods[0]?.hostNetwork).toBe(true);
  });

  it('uses a ReplicaSet template when its Deployment is not in the input', () => {
    const { model } = readYaml(`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-abc
        ownerReferences: [{kind: Deployment, name: web, controller: true}]
      spec: {replicas: 2, template: {metadata: {labels: {app: web}}}}
    `);
    expect(model.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual(['Deployment/web']);
    expect(model.pods.map((p) => [p.name, p.workload.kind])).toEqual([
      ['web-synthetic-0', 'Deployment'],
      ['web-synthetic-1', 'Deployment'],
    ]);
  });

  it('lists a ReplicaSet that no Deployment owns as a workload of its own', () => {
    const { model } = readYaml(`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: standalone}
      spec: {replicas: 1, template: {metadata: {labels: {app: s}}}}
    `);
    expect(model.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual(['ReplicaSet/standalone']);
    expect(model.pods.map((p) => p.name)).toEqual(['standalone-synthetic-0']);
  });
});
