import { randomUUID } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type Role } from '@palisade/api-contract';
import { ADMIN_TOKEN } from './api-process';

/**
 * HTTP as the access suites need it: one request helper that can act as nobody, as an API token
 * or as a signed-in browser (session cookie plus, when asked, the CSRF header), and a sign-in
 * helper that reads the cookies the way a browser would.
 */

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type ErrorBody = { error: { code: string; message: string; [extra: string]: unknown } };
export type Items<T = Json> = { items: T[]; total: number };

/** Who a request acts for. A session sends its CSRF token only when `csrf` says which one. */
export type Identity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'token'; readonly secret: string }
  | { readonly kind: 'session'; readonly session: Session; readonly csrf?: string | 'none' };

export const anonymous: Identity = { kind: 'anonymous' };
export const bearer = (secret: string): Identity => ({ kind: 'token', secret });
export const bootstrapAdmin: Identity = bearer(ADMIN_TOKEN);
/** The session with its own CSRF token (what the dashboard sends). */
export const browser = (session: Session): Identity => ({ kind: 'session', session, csrf: session.csrfToken });

export interface Answer<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export async function call<T = Json>(baseUrl: string, identity: Identity, method: string, pathAndQuery: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (identity.kind === 'token') headers['authorization'] = `Bearer ${identity.secret}`;
  if (identity.kind === 'session') {
    headers['cookie'] = identity.session.cookieHeader;
    if (identity.csrf !== undefined && identity.csrf !== 'none') headers[CSRF_HEADER] = identity.csrf;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers,
    redirect: 'manual',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (metrics, report downloads): the text is the body.
  }
  return { status: res.status, body: body as T, text, headers: res.headers };
}

/** The error code of an error answer, for `expect([status, code])` pairs. */
export const codeOf = (answer: Answer<unknown>): string | undefined => (answer.body as ErrorBody | undefined)?.error?.code;

export interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Attribute names in lower case (`httponly`, `samesite`, `path`...), with their values. */
  readonly attributes: Readonly<Record<string, string>>;
}

export function parseSetCookies(headers: Headers): SetCookie[] {
  return headers.getSetCookie().map((line) => {
    const [pair, ...attrs] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string> = {};
    for (const attr of attrs) {
      const i = attr.indexOf('=');
      attributes[(i < 0 ? attr : attr.slice(0, i)).toLowerCase()] = i < 0 ? '' : attr.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  });
}

/** A signed-in browser: the cookie values it holds and what the sign-in answered. */
export interface Session {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly cookieHeader: string;
  readonly user: Json;
  readonly cookies: readonly SetCookie[];
  /** The sign-in answer's body (it carries the CSRF token, by design). */
  readonly text: string;
}

/** A session from the cookies of a sign-in (or setup) answer; throws when there are none. */
export function sessionFrom(answer: Answer): Session {
  const cookies = parseSetCookies(answer.headers);
  const session = cookies.find((c) => c.name === SESSION_COOKIE);
  const csrf = cookies.find((c) => c.name === CSRF_COOKIE);
  if (!session || !csrf) throw new Error(`no session cookies in the answer ${answer.status}: ${answer.text}`);
  return {
    sessionToken: session.value,
    csrfToken: csrf.value,
    cookieHeader: `${SESSION_COOKIE}=${encodeURIComponent(session.value)}; ${CSRF_COOKIE}=${encodeURIComponent(csrf.value)}`,
    user: answer.body.user as Json,
    cookies,
    text: answer.text,
  };
}

export function login(baseUrl: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(baseUrl, anonymous, 'POST', '/api/auth/login', { body: { username, password }, headers });
}

/** Signs in and answers the session; fails the test when the sign-in does not succeed. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const answer = await login(baseUrl, username, password);
  if (answer.status !== 200) throw new Error(`sign-in of ${username} answered ${answer.status}: ${answer.text}`);
  return sessionFrom(answer);
}

export interface CreatedToken {
  readonly id: string;
  readonly secret: string;
  readonly role: Role;
  readonly expiresAt: string | null;
  readonly prefix: string;
  /** The creation answer, the one place the secret may appear. */
  readonly text: string;
}

export async function createToken(baseUrl: string, role: Role, name: string, by: Identity = bootstrapAdmin, expiresInDays?: number): Promise<CreatedToken> {
  const answer = await call(baseUrl, by, 'POST', '/api/tokens', { body: { name, role, ...(expiresInDays === undefined ? {} : { expiresInDays }) } });
  if (answer.status !== 201) throw new Error(`POST /api/tokens answered ${answer.status}: ${answer.text}`);
  return { id: answer.body.id, secret: answer.body.secret, role: answer.body.role, expiresAt: answer.body.expiresAt, prefix: answer.body.prefix, text: answer.text };
}

export async function createUser(baseUrl: string, body: { username: string; password: string; role: Role; name?: string }, by: Identity = bootstrapAdmin): Promise<Json> {
  const answer = await call(baseUrl, by, 'POST', '/api/users', { body });
  if (answer.status !== 201) throw new Error(`POST /api/users answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

/** `GET /api/clusters/{id}`-style routes of the OpenAPI document, as "METHOD /path" strings, sorted. */
export async function documentedRoutes(baseUrl: string): Promise<string[]> {
  const answer = await call<{ paths: Record<string, Record<string, unknown>> }>(baseUrl, anonymous, 'GET', '/api/docs-json');
  if (answer.status !== 200) throw new Error(`GET /api/docs-json answered ${answer.status}`);
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
  return Object.entries(answer.body.paths)
    .flatMap(([path, operations]) => Object.keys(operations).filter((m) => methods.has(m)).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/** The demo cluster's id and a namespace, workload and policies it has (for real path parameters). */
export interface DemoObjects {
  readonly clusterId: string;
  /** Every cluster the API watches (both demo clusters), sorted. */
  readonly clusterIds: readonly string[];
  readonly workload: { readonly namespace: string; readonly kind: string; readonly name: string };
  /** One of the workload's pods, as `namespace/name` (what explain takes). */
  readonly pod: string;
  readonly policy: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly clusterPolicy: { readonly kind: string; readonly name: string };
}

export async function demoObjects(baseUrl: string, as: Identity = bootstrapAdmin): Promise<DemoObjects> {
  const clusters = await call<Items>(baseUrl, as, 'GET', '/api/clusters');
  // The main demo cluster (demo-cilium beside it has no Kubernetes NetworkPolicy).
  const cluster = clusters.body.items.find((c) => c.name === 'demo' && c.lastSnapshotAt);
  if (!cluster) throw new Error('no snapshot of the demo cluster yet');
  const clusterId = cluster.id as string;
  const workloads = await call<Items>(baseUrl, as, 'GET', `/api/clusters/${clusterId}/workloads?limit=1000`);
  const policies = await call<Items>(baseUrl, as, 'GET', `/api/clusters/${clusterId}/policies?limit=1000`);
  const workload = workloads.body.items[0];
  const policy = policies.body.items.find((p) => p.kind === 'NetworkPolicy');
  const clusterPolicy = policies.body.items.find((p) => p.kind !== 'NetworkPolicy');
  if (!workload || !policy || !clusterPolicy) throw new Error('the demo cluster has no workload, NetworkPolicy or cluster-scoped policy yet');
  const detail = await call(baseUrl, as, 'GET', `/api/clusters/${clusterId}/workloads/${workload.namespace}/${workload.kind}/${workload.name}`);
  const pod = (detail.body.pods as Json[] | undefined)?.[0];
  if (!pod) throw new Error(`no pod of ${workload.namespace}/${workload.name} yet`);
  return {
    clusterId,
    clusterIds: clusters.body.items.map((c) => c.id as string).sort(),
    workload: { namespace: workload.namespace, kind: workload.kind, name: workload.name },
    pod: `${workload.namespace}/${pod.name}`,
    policy: { kind: policy.kind, namespace: policy.namespace, name: policy.name },
    clusterPolicy: { kind: clusterPolicy.kind, name: clusterPolicy.name },
  };
}

export const randomId = (): string => randomUUID();
