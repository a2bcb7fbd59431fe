/**
 * What went wrong talking to a cluster, in the few kinds an operator acts on differently.
 * Every Kubernetes error is mapped here and nowhere else.
 */
export type KubeFailure =
  | { readonly kind: 'unauthorized'; readonly reason: string }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'not-found'; readonly reason: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The HTTP status: ApiException carries it in `code`, the Watch's errors in `statusCode`. */
function codeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  if (typeof statusCode === 'number') return statusCode;
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}

/** Status message from an ApiException body (a Kubernetes Status object), when there is one. */
function statusMessage(error: unknown): string | undefined {
  const body = typeof error === 'object' && error !== null ? (error as { body?: unknown }).body : undefined;
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string') {
      return (parsed as { message: string }).message;
    }
  } catch {
    // Not JSON: fall back to the exception's own message.
  }
  return undefined;
}

export function classifyKubeError(error: unknown, what: string): KubeFailure {
  const code = codeOf(error);
  const detail = statusMessage(error) ?? messageOf(error);
  switch (code) {
    case 401:
      return { kind: 'unauthorized', reason: `${what}: the API server rejected the credentials (401): ${detail}` };
    case 403:
      return { kind: 'forbidden', reason: `${what}: forbidden (403): ${detail}` };
    case 404:
      return { kind: 'not-found', reason: `${what}: not found (404): ${detail}` };
    default:
      return {
        kind: 'unavailable',
        reason: code ? `${what}: the API server answered ${code}: ${detail}` : `${what}: cannot reach the API server: ${detail}`,
      };
  }
}
