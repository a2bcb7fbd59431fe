/**
 * The browser's address for the API's sign-in throttling and audit log. Sign-in and setup are
 * called from a server action, so the API's peer is this dashboard for every user, and without
 * help one user's failures would hold up everyone. The API takes the client's address from
 * `X-Forwarded-For` when its peer is a proxy it trusts (TRUST_PROXY: loopback and private
 * networks by default), walking the chain from the right past the proxies it trusts; the
 * dashboard passes on the chain it received, as a proxy does.
 *
 * Next (16) sets `x-forwarded-for` on a request it serves to the connection's address unless
 * the request brought one (an ingress in front appends the address it saw). It does not append
 * the connection's address to a chain that came with the request, and a server action cannot
 * see the connection: so where browsers reach the dashboard directly, a browser can name its own
 * address here. The API's per-username limit still holds then.
 */

export const FORWARDED_FOR = 'x-forwarded-for';

/**
 * The `x-forwarded-for` to send to the API, from the request being served: every address of
 * the incoming chain in order (repeated headers arrive as one comma-separated list), blanks
 * dropped. Undefined when there is none: the API then sees the dashboard's own address.
 */
export function forwardedFor(incoming: { get(name: string): string | null }): string | undefined {
  const chain = (incoming.get(FORWARDED_FOR) ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  return chain.length > 0 ? chain.join(', ') : undefined;
}
