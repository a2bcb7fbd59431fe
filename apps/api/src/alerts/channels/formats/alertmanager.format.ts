import { AlertNotification, idempotencyHeaders, OutgoingRequest } from './notification';

/** `WORKLOAD_EXPOSED` -> `PalisadeWorkloadExposed` */
export function alertName(kind: string): string {
  return `Palisade${kind
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;
}

/** The v2 alerts endpoint under an Alertmanager base URL (kept when already given). */
export function alertsEndpoint(base: string): string {
  return /\/api\/v2\/alerts\/?$/.test(base) ? base : `${base.replace(/\/+$/, '')}/api/v2/alerts`;
}

/**
 * Prometheus Alertmanager v2: `POST /api/v2/alerts` with one postable alert. The same labels
 * identify the alert in both transitions; resolved sets endsAt.
 */
export function alertmanagerRequest(base: string, n: AlertNotification, key: string): OutgoingRequest {
  const labels: Record<string, string> = {
    alertname: alertName(n.kind),
    severity: n.severity,
    cluster: n.cluster,
    palisade_alert_id: n.id,
    ...(n.namespace ? { namespace: n.namespace } : {}),
    ...(n.workload ? { workload: n.workload } : {}),
    ...(n.policy ? { policy: n.policy } : {}),
  };
  const alert = {
    labels,
    annotations: { summary: n.summary },
    startsAt: n.startsAt,
    ...(n.status === 'resolved' ? { endsAt: n.at } : {}),
    generatorURL: n.url,
  };
  return { url: alertsEndpoint(base), headers: { 'Content-Type': 'application/json', ...idempotencyHeaders(key) }, body: JSON.stringify([alert]) };
}
