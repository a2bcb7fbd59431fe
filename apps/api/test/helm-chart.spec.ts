import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, parse, parseAllDocuments, parseDocument } from 'yaml';
import { HealthController } from '../src/health/health.controller';
import { WATCHED_RESOURCES } from '../src/kubernetes/watched-resources';
import { MetricsController } from '../src/metrics/metrics.controller';

/**
 * deploy/helm/palisade cannot be rendered here (no helm binary): its templates are kept simple
 * enough to be checked after replacing every template action with a neutral value.
 */
const root = path.resolve(__dirname, '../../..');
const chart = path.join(root, 'deploy/helm/palisade');
const templatesDir = path.join(chart, 'templates');
const templateFiles = fs.readdirSync(templatesDir).filter((f) => /\.(yaml|tpl|txt)$/.test(f));
const read = (file: string) => fs.readFileSync(path.join(templatesDir, file), 'utf8');
const values = parse(fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8')) as Record<string, unknown>;

type Manifest = { kind: string; metadata: { name: string }; spec?: Record<string, unknown>; [key: string]: unknown };

/** The YAML a template leaves once its action-only lines are dropped and inline actions are "x". */
function skeleton(file: string): Manifest[] {
  const lines = read(file)
    .split('\n')
    .filter((line) => !/^\s*\{\{.*\}\}\s*$/.test(line));
  return parseAllDocuments(lines.join('\n').replace(/\{\{.*?\}\}/g, 'x'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

function lookup(object: unknown, keys: readonly string[]): boolean {
  let at: unknown = object;
  for (const key of keys) {
    if (at === null || typeof at !== 'object' || !(key in (at as Record<string, unknown>))) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

describe('the Helm chart', () => {
  it('has a Chart.yaml and templates that are YAML once their actions are set aside', () => {
    expect(parse(fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8'))).toMatchObject({ apiVersion: 'v2', name: 'palisade', type: 'application' });
    const kinds = templateFiles.filter((f) => f.endsWith('.yaml')).flatMap(skeleton).map((m) => m.kind).sort();
    expect(kinds).toEqual(
      ['ClusterRole', 'ClusterRoleBinding', 'Deployment', 'Deployment', 'NetworkPolicy', 'NetworkPolicy', 'PodDisruptionBudget', 'Secret', 'Service', 'Service', 'ServiceAccount'].sort(),
    );
  });

  it('documents in values.yaml every value the templates use', () => {
    const used = new Set<string>();
    for (const file of templateFiles) {
      const text = read(file);
      for (const m of text.matchAll(/\.Values\.([\w.]+)/g)) used.add(m[1]);
      // Variables bound to a values subtree: {{- $egress := .Values.networkPolicy.egress }}.
      for (const v of text.matchAll(/\$(\w+)\s*:=\s*\.Values\.([\w.]+)/g)) {
        for (const m of text.matchAll(new RegExp(`\\$${v[1]}\\.([\\w.]+)`, 'g'))) used.add(`${v[2]}.${m[1]}`);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !lookup(values, key.split('.')))).toEqual([]);
    // Every top-level key carries a comment saying what it is for.
    const doc = parseDocument(fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8'));
    expect(isMap(doc.contents)).toBe(true);
    const items = isMap(doc.contents) ? doc.contents.items : [];
    const undocumented = items
      .filter(isPair)
      .filter((pair, i) => !(isScalar(pair.key) && pair.key.commentBefore) && !(i === 0 && doc.commentBefore))
      .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
    expect(undocumented).toEqual([]);
  });

  it('grants get, list and watch on exactly the resources the collectors watch, and nothing else', () => {
    const role = skeleton('clusterrole.yaml')[0] as Manifest & { rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] };
    const granted = new Set<string>();
    for (const rule of role.rules) {
      expect(rule.verbs).toEqual(['get', 'list', 'watch']);
      for (const group of rule.apiGroups) for (const resource of rule.resources) granted.add(`${group}/${resource}`);
    }
    const watched = new Set(
      WATCHED_RESOURCES.map((r) => {
        const core = /^\/api\/v1\/([a-z]+)$/.exec(r.path);
        if (core) return `/${core[1]}`;
        const grouped = /^\/apis\/([^/]+)\/[^/]+\/([a-z]+)$/.exec(r.path);
        if (!grouped) throw new Error(`unexpected watch path ${r.path}`);
        return `${grouped[1]}/${grouped[2]}`;
      }),
    );
    expect([...granted].sort()).toEqual([...watched].sort());
  });

  it('probes public routes: liveness /api/health, readiness /api/ready', () => {
    const deployment = skeleton('deployment.yaml')[0] as Manifest & {
      spec: { template: { spec: { containers: { name: string; livenessProbe: Probe; readinessProbe: Probe; startupProbe: Probe }[] } } };
    };
    type Probe = { httpGet: { path: string; port: string } };
    const api = deployment.spec.template.spec.containers.find((c) => c.name === 'api');
    expect(api?.livenessProbe.httpGet.path).toBe('/api/health');
    expect(api?.readinessProbe.httpGet.path).toBe('/api/ready');
    const routes = new Map<string, boolean>();
    for (const controller of [HealthController, MetricsController]) {
      const classGuards = Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as unknown as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) continue;
        const guards = (Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? [];
        routes.set(`/api/${String(Reflect.getMetadata(PATH_METADATA, handler))}`, guards.length === 0 && (classGuards ?? []).length === 0);
      }
    }
    for (const probe of [api?.livenessProbe, api?.readinessProbe, api?.startupProbe]) expect(routes.get(probe?.httpGet.path ?? '')).toBe(true);
    expect(routes.get('/api/metrics')).toBe(true);
  });

  it('runs Palisade locked down: not root, read-only root filesystem, no capability, default seccomp; secrets from the Secret', () => {
    expect(values['podSecurityContext']).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(values['securityContext']).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    for (const file of ['deployment.yaml', 'web-deployment.yaml']) {
      expect(read(file)).toContain('toYaml .Values.podSecurityContext');
      expect(read(file)).toContain('toYaml .Values.securityContext');
      expect(read(file)).toMatch(/resources:\n\s+\{\{- toYaml \.Values\.(api|web)\.resources/);
    }
    expect(read('deployment.yaml')).toMatch(/envFrom:\n\s+- secretRef:\n\s+name: \{\{ include "palisade.secretName" \. \}\}/);
    const secret = read('secret.yaml');
    for (const key of ['DATABASE_URL', 'PALISADE_SECRET_KEY', 'ALERT_WEBHOOK_SECRET', 'PALISADE_BOOTSTRAP_TOKEN', 'PALISADE_ADMIN_PASSWORD', 'OIDC_CLIENT_SECRET', 'REDIS_URL']) expect(secret).toContain(`${key}:`);
    expect(secret).toMatch(/if not \.Values\.secrets\.existingSecret/);
  });

  it('denies all traffic to and from Palisade but its port, DNS, the API server, PostgreSQL, Redis and notification channels', () => {
    const policies = skeleton('networkpolicy.yaml') as (Manifest & { spec: { policyTypes: string[]; ingress: { ports: { port: unknown }[] }[]; egress: { ports: { port: unknown; protocol: string }[] }[] } })[];
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const [api] = policies;
    expect(api.spec.ingress).toHaveLength(1);
    expect(api.spec.ingress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
    const text = read('networkpolicy.yaml');
    expect(api.spec.egress).toHaveLength(5);
    expect(api.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
    for (const ref of ['$egress.kubeApiServer.ports', '$egress.postgres.port', '$egress.redis.port', '$egress.webhooks.ports']) expect(text).toContain(ref);
  });

  it('sets only configuration the API knows (README configuration table)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const config = values['config'] as Record<string, string>;
    expect(Object.keys(config).filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
    for (const name of ['API_PORT', 'PALISADE_REPLICA_ID', 'PALISADE_DATA_DIR']) expect(read('deployment.yaml')).toContain(`name: ${name}`);
  });
});
