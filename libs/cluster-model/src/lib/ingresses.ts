import type { Issues } from './issues';
import type { Ingress, IngressBackendRef, IngressRoute } from './types';
import { annotationOf, readAnnotations, type ObjectHeader } from './object-header';
import {
  child,
  item,
  readInteger,
  readList,
  readOptionalString,
  readRecord,
  readString,
  readStringList,
} from './field-readers';
import { isAbsent } from './unknown-values';

/** The annotation that named the class before spec.ingressClassName existed, still widely used. */
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function readIngress(header: ObjectHeader): Ingress {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  // networking.k8s.io/v1 says defaultBackend; extensions/v1beta1 said backend.
  const defaultKey = isAbsent(spec?.['defaultBackend']) ? 'backend' : 'defaultBackend';
  const defaultBackend = readBackend(issues, spec?.[defaultKey], child('spec', defaultKey));
  const ruleRoutes = readRuleRoutes(issues, spec?.['rules']);
  const classAnnotation = annotationOf(readAnnotations(header), CLASS_ANNOTATION);
  const className =
    readString(issues, spec?.['ingressClassName'], 'spec.ingressClassName') ?? classAnnotation;
  const defaults = defaultBackend === undefined ? [] : [defaultBackend];
  const tls = readTls(issues, spec?.['tls']);
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    ...(className !== undefined && className !== '' && { ingressClassName: className }),
    ...(classAnnotation !== undefined && classAnnotation !== '' && { classAnnotation }),
    backends: [...defaults, ...ruleRoutes.map((route) => route.backend)],
    // The default backend takes what no rule matches, so it comes last.
    routes: [...ruleRoutes, ...defaults.map((backend) => ({ backend }))],
    tlsHosts: tls.hosts,
    tlsAllHosts: tls.allHosts,
    ...(header.source !== undefined && { source: header.source }),
  };
}

/**
 * One route per path of every rule, with the rule's host (absent: every host) and the path as
 * written (absent when an ImplementationSpecific path leaves it out).
 */
function readRuleRoutes(issues: Issues, value: unknown): IngressRoute[] {
  const routes: IngressRoute[] = [];
  (readList(issues, value, 'spec.rules') ?? []).forEach((rule, ruleIndex) => {
    const rulePath = item('spec.rules', ruleIndex);
    const record = readRecord(issues, rule, rulePath);
    const host = readOptionalString(issues, record?.['host'], child(rulePath, 'host'));
    const http = readRecord(issues, record?.['http'], child(rulePath, 'http'));
    const pathsPath = child(rulePath, 'http.paths');
    (readList(issues, http?.['paths'], pathsPath) ?? []).forEach((entry, pathIndex) => {
      const entryPath = item(pathsPath, pathIndex);
      const pathRecord = readRecord(issues, entry, entryPath);
      const path = readOptionalString(issues, pathRecord?.['path'], child(entryPath, 'path'));
      const backend = readBackend(issues, pathRecord?.['backend'], child(entryPath, 'backend'));
      if (backend === undefined) return;
      routes.push({
        ...(host !== undefined && { host }),
        ...(path !== undefined && { path }),
        backend,
      });
    });
  });
  return routes;
}

/**
 * spec.tls: the hosts served with TLS. An entry without hosts covers the controller's wildcard
 * host (networking/v1 IngressTLS.hosts: "Defaults to the wildcard host setting").
 */
function readTls(issues: Issues, value: unknown): { hosts: string[]; allHosts: boolean } {
  const hosts: string[] = [];
  let allHosts = false;
  (readList(issues, value, 'spec.tls') ?? []).forEach((entry, index) => {
    const entryPath = item('spec.tls', index);
    const record = readRecord(issues, entry, entryPath);
    if (record === undefined) return;
    const listed = readStringList(issues, record['hosts'], child(entryPath, 'hosts'));
    if (listed?.length === 0 || isAbsent(record['hosts'])) allHosts = true;
    for (const host of listed ?? []) if (host !== '' && !hosts.includes(host)) hosts.push(host);
  });
  return { hosts, allHosts };
}

/** Service backends only: a `resource` backend (a bucket, say) is not a workload. */
function readBackend(issues: Issues, value: unknown, path: string): IngressBackendRef | undefined {
  const backend = readRecord(issues, value, path);
  if (backend === undefined) return undefined;
  const service = readRecord(issues, backend['service'], child(path, 'service'));
  if (service !== undefined) {
    const name = readString(issues, service['name'], child(path, 'service.name'));
    if (name === undefined || name === '') {
      if (name === '' || isAbsent(service['name'])) {
        issues.report(child(path, 'service.name'), 'is required');
      }
      return undefined;
    }
    const port = readRecord(issues, service['port'], child(path, 'service.port'));
    const number = readInteger(issues, port?.['number'], child(path, 'service.port.number'));
    const portName = readString(issues, port?.['name'], child(path, 'service.port.name'));
    const ref = number ?? (portName === '' ? undefined : portName);
    return { service: name, ...(ref !== undefined && { port: ref }) };
  }
  const legacyName = readString(issues, backend['serviceName'], child(path, 'serviceName'));
  if (legacyName === undefined || legacyName === '') return undefined;
  const legacyPort = backend['servicePort'];
  return {
    service: legacyName,
    ...((typeof legacyPort === 'number' ||
      (typeof legacyPort === 'string' && legacyPort !== '')) && { port: legacyPort }),
  };
}
