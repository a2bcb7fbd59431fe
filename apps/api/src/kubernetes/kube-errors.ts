/**
 * What went wrong talking to a cluster, in the few kinds an operator acts on differently.
 * Every Kubernetes error is mapped here and nowhere else.
 *
 * `reason` is written by Palisade from the status code or the network error's code alone: it is
 * shown to viewers and kept in the database, so it never carries the remote server's body,
 * headers or message (a server chosen by whoever added the cluster could put anything there).
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

/** The Node or undici error code of a failed connection, looked for along the cause chain. */
function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not resolved (DNS)',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out',
  UND_ERR_SOCKET: 'connection closed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not name the server',
  EPROTO: 'TLS handshake failed',
};

function networkWords(error: unknown): string {
  const code = networkCodeOf(error);
  return (code && NETWORK_WORDS[code]) ?? 'the request failed';
}

export function classifyKubeError(error: unknown, what: string): KubeFailure {
  const code = codeOf(error);
  switch (code) {
    case 401:
      return { kind: 'unauthorized', reason: `${what}: the API server rejected the credentials (401)` };
    case 403:
      return { kind: 'forbidden', reason: `${what}: forbidden (403)` };
    case 404:
      return { kind: 'not-found', reason: `${what}: not found (404)` };
    default:
      return {
        kind: 'unavailable',
        reason: code ? `${what}: the API server answered ${code}` : `${what}: unreachable: ${networkWords(error)}`,
      };
  }
}
