import type { Issues } from './issues';
import type { Ingress, IngressBackendRef } from './types';
import type { ObjectHeader } from './object-header';
import { child, item, readInteger, readList, readRecord, readString } from './field-readers';
import { isAbsent, isRecord } from './unknown-values';

/** The annotation that named the class before spec.ingressClassName existed, still widely used. */
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function readIngress(header: ObjectHeader): Ingress {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  const backends: IngressBackendRef[] = [];
  const addBackend = (value: unknown, path: string): void => {
    const backend = readBackend(issues, value, path);
    if (backend !== undefined) backends.push(backend);
  };
  // networking.k8s.io/v1 says defaultBackend; extensions/v1beta1 said backend.
  const defaultKey = isAbsent(spec?.['defaultBackend']) ? 'backend' : 'defaultBackend';
  addBackend(spec?.[defaultKey], child('spec', defaultKey));
  const rules = readList(issues, spec?.['rules'], 'spec.rules') ?? [];
  rules.forEach((rule, ruleIndex) => {
    const rulePath = item('spec.rules', ruleIndex);
    const http = readRecord(
      issues,
      readRecord(issues, rule, rulePath)?.['http'],
      child(rulePath, 'http'),
    );
    const pathsPath = child(rulePath, 'http.paths');
    (readList(issues, http?.['paths'], pathsPath) ?? []).forEach((entry, pathIndex) => {
      const entryPath = item(pathsPath, pathIndex);
      addBackend(readRecord(issues, entry, entryPath)?.['backend'], child(entryPath, 'backend'));
    });
  });
  const className =
    readString(issues, spec?.['ingressClassName'], 'spec.ingressClassName') ??
    annotatedClass(header);
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    ...(className !== undefined && className !== '' && { ingressClassName: className }),
    backends,
    ...(header.source !== undefined && { source: header.source }),
  };
}

function annotatedClass(header: ObjectHeader): string | undefined {
  const metadata = header.obj['metadata'];
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  const value = isRecord(annotations) ? annotations[CLASS_ANNOTATION] : undefined;
  return typeof value === 'string' ? value : undefined;
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
