/** Field names whose values never reach the audit log (secrets, and URLs that embed tokens). */
const SECRET_FIELD = /pass|secret|token|key|url|authorization|cookie|credential|kubeconfig/i;

/** The request's fields for the audit log: secrets replaced, depth and size bounded. */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactDetails(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, SECRET_FIELD.test(key) ? '[redacted]' : redactDetails(v, depth + 1)]),
    );
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}
