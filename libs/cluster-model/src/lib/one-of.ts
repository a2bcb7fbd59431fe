import type { Issues } from './issues';
import { child } from './field-readers';
import { isAbsent, type UnknownRecord } from './unknown-values';

/**
 * Admin policy subjects, peers and ports are unions on the wire (MinProperties=1,
 * MaxProperties=1): exactly one field set, and only fields the CRD knows. Returns that field.
 */
export function oneOfFields(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  allowed: readonly string[],
): string | undefined {
  const present = Object.keys(record).filter((key) => !isAbsent(record[key]));
  const known = present.filter((key) => allowed.includes(key));
  for (const key of present.filter((entry) => !allowed.includes(entry))) {
    issues.report(child(path, key), `unknown field: must be one of ${allowed.join(', ')}`);
  }
  if (known.length === 1) return known[0];
  issues.report(
    path,
    known.length === 0
      ? `must specify exactly one of ${allowed.join(', ')}`
      : `must specify exactly one of ${allowed.join(', ')}, not ${known.join(' and ')}`,
  );
  return undefined;
}
