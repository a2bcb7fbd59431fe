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

/** A string the API requires to be set and non-empty (a name, a controller). */
export function readRequiredString(
  issues: Issues,
  value: unknown,
  path: string,
): string | undefined {
  const text = readString(issues, value, path);
  if (text === '' || (text === undefined && isAbsent(value))) issues.report(path, 'is required');
  return text === '' ? undefined : text;
}

/** An optional string where the API treats empty as unset. */
export function readOptionalString(
  issues: Issues,
  value: unknown,
  path: string,
): string | undefined {
  const text = readString(issues, value, path);
  return text === '' ? undefined : text;
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

/** One of `allowed`, `fallback` when absent; anything else is reported (and undefined). */
export function readChoice<T extends string>(
  issues: Issues,
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T | undefined {
  if (isAbsent(value)) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  issues.report(
    path,
    `unsupported value ${describeValue(value)}: must be one of ${allowed.join(', ')}`,
  );
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

/**
 * Reads each entry of a list of objects with `read`, keeping what it returns. An entry that is not
 * an object (null included) is reported: lists of structs have no empty entries.
 */
export function readEachRecord<T>(
  issues: Issues,
  list: unknown,
  path: string,
  read: (record: UnknownRecord, path: string) => T | undefined,
): T[] {
  const result: T[] = [];
  (readList(issues, list, path) ?? []).forEach((entry, index) => {
    const entryPath = item(path, index);
    const record = readRecord(issues, entry, entryPath);
    if (record === undefined) {
      if (isAbsent(entry)) issues.report(entryPath, 'must be an object, got null');
      return;
    }
    const value = read(record, entryPath);
    if (value !== undefined) result.push(value);
  });
  return result;
}
