import type { Issues } from './issues';
import { readPortNumber } from './ports';
import { readRequiredString, readString } from './field-readers';
import { isAbsent } from './unknown-values';

/**
 * Field shapes Gateway API objects share (sigs.k8s.io/gateway-api apis/v1 shared_types.go and
 * object_reference_types.go): groups where "" is the core group, kinds, optional ports.
 */

/** An API group. Absent takes the field's default; "" is the core group and stays "". */
export function readGroup(issues: Issues, value: unknown, path: string, fallback: string): string {
  if (isAbsent(value)) return fallback;
  return readString(issues, value, path) ?? fallback;
}

/** A group the API requires to be written (ReferenceGrant), though "" (core) is a value. */
export function readRequiredGroup(
  issues: Issues,
  value: unknown,
  path: string,
): string | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'is required');
    return undefined;
  }
  return readString(issues, value, path);
}

/** A Kind: absent takes the field's default; when written it must not be empty. */
export function readKind(
  issues: Issues,
  value: unknown,
  path: string,
  fallback: string,
): string | undefined {
  return isAbsent(value) ? fallback : readRequiredString(issues, value, path);
}

/** An optional PortNumber (1..65535). */
export function readOptionalPort(issues: Issues, value: unknown, path: string): number | undefined {
  return isAbsent(value) ? undefined : readPortNumber(issues, value, path);
}
