/** Decoded YAML/JSON is `unknown` until narrowed; these are the narrowings every reader needs. */

export type UnknownRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `null` counts as absent: YAML writes an empty field (`podSelector:`) as null. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** A short description of a value for "must be X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
