import type { Issues } from './issues';
import { describeValue, isAbsent, isRecord, type UnknownRecord } from './unknown-values';

/**
 * Typed reads of one field. Each returns `undefined` both when the field is absent and when it
 * has the wrong type; only the second is reported, so callers decide what absence means.
 */

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function readRecord(
  issues: Issues,
  value: unknown,
  path: string,
): UnknownRecord | undefined {
  if (isAbsent(value)) return undefined;
  if (isRecord(value)) return value;
  issues.report(path, `must be an object, got ${describeValue(value)}`);
  return undefined;
}

export function readList(
  issues: Issues,
  value: unknown,
  path: string,
): readonly unknown[] | undefined {
  if (isAbsent(value)) return undefined;
  if (Array.isArray(value)) return value;
  issues.report(path, `must be a list, got ${describeValue(value)}`);
  return undefined;
}

export function readString(issues: Issues, value: unknown, path: string): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  issues.report(path, `must be a string, got ${describeValue(value)}`);
  return undefined;
}

export function readInteger(issues: Issues, value: unknown, path: string): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  issues.report(path, `must be an integer, got ${describeValue(value)}`);
  return undefined;
}

export function readBoolean(issues: Issues, value: unknown, path: string): boolean | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'boolean') return value;
  issues.report(path, `must be true or false, got ${describeValue(value)}`);
  return undefined;
}

/** A map of strings such as labels or a Service selector; a number value is a decode error in Kubernetes too. */
export function readStringMap(
  issues: Issues,
  value: unknown,
  path: string,
): Readonly<Record<string, string>> | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record)) {
    if (typeof entry === 'string') result[key] = entry;
    else {
      issues.report(child(path, key), `must be a string, got ${describeValue(entry)} (quote it)`);
    }
  }
  return result;
}

export function readStringList(issues: Issues, value: unknown, path: string): string[] | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return undefined;
  const result: string[] = [];
  list.forEach((entry, index) => {
    const text = readString(issues, entry, item(path, index));
    if (text !== undefined) result.push(text);
    else if (isAbsent(entry)) issues.report(item(path, index), 'must be a string, got null');
  });
  return result;
}
