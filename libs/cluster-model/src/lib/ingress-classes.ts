import type { IngressClass } from './types';
import {
  annotationOf,
  readAnnotations,
  readCreationTimestamp,
  type ObjectHeader,
} from './object-header';
import { readRecord, readRequiredString } from './field-readers';

/**
 * Marks the class applied to Ingresses that name none; only the exact value "true" counts
 * (networking/v1 IngressClass docs, and the admission plugin that applies it).
 */
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** An IngressClass: the controller behind a class name, and whether it is the default class. */
export function readIngressClass(header: ObjectHeader): IngressClass {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  const controller = readRequiredString(issues, spec?.['controller'], 'spec.controller') ?? '';
  const createdAt = readCreationTimestamp(header);
  return {
    name: header.name,
    controller,
    isDefault: annotationOf(readAnnotations(header), DEFAULT_CLASS_ANNOTATION) === 'true',
    ...(createdAt !== undefined && { createdAt }),
    ...(header.source !== undefined && { source: header.source }),
  };
}
