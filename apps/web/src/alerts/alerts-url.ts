import type { AlertStatus, DeliveryStatus } from '@palisade/api-contract';

/**
 * The alerts' and the delivery log's filters and page live in the URL (`?status=firing
 * &cluster=ID&offset=50`), so a reload, a bookmark or a shared link shows the same rows.
 */

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

export const ALERT_STATUSES: readonly AlertStatus[] = [
  'pending',
  'suppressed',
  'firing',
  'resolved',
  'cancelled',
];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];
export const PAGE_SIZE = 50;

export interface AlertsQuery {
  readonly status?: AlertStatus;
  readonly cluster?: string;
  readonly offset: number;
}

export interface DeliveriesQuery {
  /** One alert's notifications. */
  readonly alert?: string;
  readonly channel?: string;
  readonly status?: DeliveryStatus;
  readonly offset: number;
}

export function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function oneOf<T extends string>(values: readonly T[], text: string | undefined): T | undefined {
  return (values as readonly string[]).includes(text ?? '') ? (text as T) : undefined;
}

/** A page's first row: a whole number, at a multiple of the page size (so "page N of M" holds). */
export function offsetOf(value: string | string[] | undefined): number {
  const text = first(value);
  if (text === undefined || !/^\d+$/.test(text)) return 0;
  const offset = Math.min(Number(text), Number.MAX_SAFE_INTEGER);
  return offset - (offset % PAGE_SIZE);
}

/** Reads the URL; anything it does not understand falls back to "no filter". */
export function parseAlertsQuery(params: SearchParams): AlertsQuery {
  const status = oneOf(ALERT_STATUSES, first(params['status']));
  const cluster = first(params['cluster']);
  return {
    ...(status && { status }),
    ...(cluster && { cluster }),
    offset: offsetOf(params['offset']),
  };
}

export function parseDeliveriesQuery(params: SearchParams): DeliveriesQuery {
  const status = oneOf(DELIVERY_STATUSES, first(params['status']));
  const channel = first(params['channel']);
  const alert = first(params['alert']);
  return {
    ...(alert && { alert }),
    ...(channel && { channel }),
    ...(status && { status }),
    offset: offsetOf(params['offset']),
  };
}

function href(basePath: string, entries: readonly (readonly [string, string | undefined])[]) {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

const offsetText = (offset: number) => (offset > 0 ? String(offset) : undefined);

/** The URL for a state, leaving out defaults so links stay short. */
export function alertsHref(basePath: string, query: AlertsQuery): string {
  return href(basePath, [
    ['status', query.status],
    ['cluster', query.cluster],
    ['offset', offsetText(query.offset)],
  ]);
}

export function deliveriesHref(basePath: string, query: DeliveriesQuery): string {
  return href(basePath, [
    ['alert', query.alert],
    ['channel', query.channel],
    ['status', query.status],
    ['offset', offsetText(query.offset)],
  ]);
}

/** Whether the URL already says the state in its shortest form; the page redirects otherwise. */
export function isCanonical(params: SearchParams, canonicalHref: string): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      given.append(key, v);
    }
  }
  const canonical = new URLSearchParams(canonicalHref.replace(/^[^?]*\??/, ''));
  given.sort();
  canonical.sort();
  return given.toString() === canonical.toString();
}

/** `?new=ns/Kind/name&cluster=ID` of the exceptions page: the workload to prefill. */
export function parseExceptionPrefill(params: SearchParams): {
  readonly clusterId?: string;
  readonly namespace?: string;
  readonly kind?: string;
  readonly name?: string;
} {
  const cluster = first(params['cluster']);
  const parts = (first(params['new']) ?? '').split('/');
  const [namespace, kind, ...rest] = parts;
  const name = rest.join('/');
  return {
    ...(cluster && { clusterId: cluster }),
    ...(namespace && { namespace }),
    ...(kind && { kind }),
    ...(name && { name }),
  };
}
