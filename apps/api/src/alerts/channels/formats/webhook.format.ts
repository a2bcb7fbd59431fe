import { createHmac } from 'node:crypto';
import { AlertNotification, idempotencyHeaders, OutgoingRequest } from './notification';

export const SIGNATURE_HEADER = 'X-Palisade-Signature';

/** `sha256=<hex HMAC-SHA256 of the body>` */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The generic webhook: the documented JSON contract, signed when the channel has a secret. */
export function webhookRequest(url: string, secret: string | undefined, n: AlertNotification, key: string): OutgoingRequest {
  const body = JSON.stringify({
    id: n.id,
    status: n.status,
    kind: n.kind,
    severity: n.severity,
    cluster: n.cluster,
    namespace: n.namespace,
    workload: n.workload,
    at: n.at,
    url: n.url,
    summary: n.summary,
  });
  return {
    url,
    headers: { 'Content-Type': 'application/json', ...idempotencyHeaders(key), ...(secret ? { [SIGNATURE_HEADER]: signBody(body, secret) } : {}) },
    body,
  };
}
