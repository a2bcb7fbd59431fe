import type { Page } from '@palisade/api-contract';

/** The building blocks of the shallow checks at the API boundary. */

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

export const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';

export const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

export function isPageOf<T>(body: unknown, isItem: (item: unknown) => item is T): body is Page<T> {
  return (
    isObject(body) &&
    typeof body['total'] === 'number' &&
    Array.isArray(body['items']) &&
    body['items'].every(isItem)
  );
}
