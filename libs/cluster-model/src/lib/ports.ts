import { PROTOCOLS, type Protocol } from './types';
import type { Issues } from './issues';
import { describeValue, isAbsent } from './unknown-values';

/** Absent means TCP, as the API server defaults it; anything else but the three is an error. */
export function readProtocol(issues: Issues, value: unknown, path: string): Protocol | undefined {
  if (isAbsent(value)) return 'TCP';
  if (typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value)) {
    return value as Protocol;
  }
  issues.report(
    path,
    `unsupported protocol ${describeValue(value)}: must be one of ${PROTOCOLS.join(', ')}`,
  );
  return undefined;
}

/** Reads a required port number in 1..65535. */
export function readPortNumber(issues: Issues, value: unknown, path: string): number | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'is required');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.report(path, `must be a port number, got ${describeValue(value)}`);
    return undefined;
  }
  if (value < 1 || value > 65535) {
    issues.report(path, `invalid port ${value}: must be between 1 and 65535, inclusive`);
    return undefined;
  }
  return value;
}

/**
 * Why `name` is not an IANA_SVC_NAME (RFC 6335), in the words Kubernetes uses, or undefined when
 * it is one. Named ports must pass this in pods, Services and policies alike.
 */
export function portNameProblem(name: string): string | undefined {
  if (name === '') return 'must not be empty';
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) {
    return 'must contain only lowercase alphanumeric characters (a-z, 0-9) and hyphens (-)';
  }
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

export function readPortName(issues: Issues, value: unknown, path: string): string | undefined {
  if (typeof value !== 'string') {
    issues.report(path, `must be a port name, got ${describeValue(value)}`);
    return undefined;
  }
  const reason = portNameProblem(value);
  if (reason === undefined) return value;
  issues.report(path, `invalid port name ${JSON.stringify(value)}: ${reason}`);
  return undefined;
}

/** An IntOrString port: a number in 1..65535 or a valid port name. */
export function readPortOrName(
  issues: Issues,
  value: unknown,
  path: string,
): number | string | undefined {
  if (typeof value === 'string') return readPortName(issues, value, path);
  return readPortNumber(issues, value, path);
}
