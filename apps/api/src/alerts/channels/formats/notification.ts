import type { AlertKind, AlertSeverity } from '@palisade/api-contract';

/** One alert transition, as every channel format reads it. Stored in the outbox row. */
export interface AlertNotification {
  readonly id: string;
  readonly status: 'firing' | 'resolved';
  readonly kind: AlertKind | 'TEST';
  readonly severity: AlertSeverity;
  /** Cluster name. */
  readonly cluster: string;
  readonly namespace: string | null;
  /** `Kind/name` */
  readonly workload: string | null;
  readonly policy: string | null;
  /** One sentence, plain text (each format escapes it). */
  readonly summary: string;
  /** The workload's labels when the alert opened. */
  readonly labels: Readonly<Record<string, string>>;
  /** When this transition happened. */
  readonly at: string;
  /** When the alert started firing. */
  readonly startsAt: string;
  /** Where to look in the dashboard. */
  readonly url: string;
}

/** An HTTP request a channel sends. */
export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function idempotencyHeaders(key: string): Record<string, string> {
  return { 'Idempotency-Key': key, 'X-Palisade-Delivery': key };
}

export function labelList(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function title(n: AlertNotification): string {
  return `${n.status === 'resolved' ? 'Resolved' : n.severity.toUpperCase()}: ${n.kind} in ${n.cluster}`;
}
