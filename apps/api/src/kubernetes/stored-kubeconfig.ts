import { KubeConfig } from '@kubernetes/client-node';
import { parseDocument, stringify } from 'yaml';
import { addressRefusal } from '../common/outbound-address';

/** The most a kubeconfig given over the API may weigh (the README promises 1 MB). */
export const KUBECONFIG_MAX_BYTES = 1_000_000;
/** Kubeconfigs have no use for YAML aliases beyond a few; many are an expansion attack. */
const KUBECONFIG_MAX_ALIASES = 20;

/** A kubeconfig an admin gave through the API, checked and cut down to the context to watch. */
export type StoredKubeconfig = { readonly ok: true; readonly context: string; readonly kubeconfigYaml: string } | { readonly ok: false; readonly problems: readonly string[] };

/** The one context kept: only inline data, in the kubeconfig's own field names. */
interface KeptCluster {
  readonly server: string;
  readonly 'certificate-authority-data'?: string;
  readonly 'insecure-skip-tls-verify'?: boolean;
  readonly 'tls-server-name'?: string;
}

interface KeptUser {
  readonly token?: string;
  readonly 'client-certificate-data'?: string;
  readonly 'client-key-data'?: string;
  readonly username?: string;
  readonly password?: string;
  readonly as?: string;
}

interface KeptContext {
  readonly name: string;
  readonly clusterName: string;
  readonly userName: string;
  readonly namespace?: string;
  readonly cluster: KeptCluster;
  readonly user: KeptUser;
}

/**
 * Fields @kubernetes/client-node acts on beyond inline data: it reads the named file while
 * parsing (`token-file`) or when connecting (`certificate-authority`, `client-certificate`,
 * `client-key`, auth-provider `tokenFile`), runs a program (`exec`, the gcp/azure/oidc
 * auth-providers), or routes every request through another host (`proxy-url`). None of them is
 * acceptable in a kubeconfig that arrives over the network: refused by name, on the raw YAML,
 * before any library sees it.
 */
const REFUSED_USER_FIELDS: Readonly<Record<string, string>> = {
  'token-file': 'token-file names a file on the server; put the token itself in token',
  tokenFile: 'tokenFile names a file on the server; put the token itself in token',
  'client-certificate': 'client-certificate names a file on the server; use client-certificate-data',
  'client-key': 'client-key names a file on the server; use client-key-data',
  exec: 'the user runs a command (exec); Palisade does not run programs from a kubeconfig given over the API: use a token or a client certificate',
  'auth-provider': 'the user needs an auth-provider plugin (it runs a program or reads files on the server); use a token or a client certificate',
};
const REFUSED_CLUSTER_FIELDS: Readonly<Record<string, string>> = {
  'certificate-authority': 'certificate-authority names a file on the server; put the certificate in certificate-authority-data',
  'proxy-url': 'proxy-url sends every request through another host; Palisade connects to the server directly',
};
const USER_STRINGS = ['token', 'client-certificate-data', 'client-key-data', 'username', 'password', 'as'] as const;
const CLUSTER_STRINGS = ['server', 'certificate-authority-data', 'tls-server-name'] as const;

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `items[name]` of a kubeconfig list (`clusters`, `users`, `contexts`), by its `name`. */
function named(list: unknown, name: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entry = list.find((e) => isRecord(e) && e['name'] === name);
  return isRecord(entry) ? entry : undefined;
}

function namesOf(list: unknown): string[] {
  return Array.isArray(list) ? list.filter(isRecord).map((e) => e['name']).filter((n): n is string => typeof n === 'string') : [];
}

/** The cluster's server URL: http(s), no credentials, query or fragment, not a metadata or link-local address. */
export function serverUrlProblem(server: string): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return 'the cluster\'s server is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `the cluster's server must be an https:// (or http://) URL, not ${url.protocol}`;
  if (url.username || url.password) return 'the cluster\'s server URL may not carry a user name or password; put credentials in the user';
  if (url.search || url.hash || server.includes('#') || server.includes('?')) return 'the cluster\'s server URL may not have a query (?) or fragment (#)';
  const refusal = addressRefusal(url.hostname, { allowPrivate: true });
  return refusal ? `the cluster's server ${refusal}` : undefined;
}

function keptCluster(entry: Record<string, unknown> | undefined, name: string, problems: Problems): KeptCluster | undefined {
  const cluster = entry?.['cluster'];
  if (!isRecord(cluster)) {
    problems.push(`kubeconfig: the context names the cluster ${name}, which is not in the file`);
    return undefined;
  }
  for (const [field, why] of Object.entries(REFUSED_CLUSTER_FIELDS)) if (cluster[field] !== undefined) problems.push(`kubeconfig: clusters[${name}].cluster: ${why}`);
  for (const field of CLUSTER_STRINGS) {
    if (cluster[field] !== undefined && typeof cluster[field] !== 'string') problems.push(`kubeconfig: clusters[${name}].cluster.${field} must be a string`);
  }
  const skip = cluster['insecure-skip-tls-verify'];
  if (skip !== undefined && typeof skip !== 'boolean') problems.push(`kubeconfig: clusters[${name}].cluster.insecure-skip-tls-verify must be true or false`);
  const server = cluster['server'];
  if (typeof server !== 'string' || server.length === 0) {
    problems.push(`kubeconfig: clusters[${name}].cluster.server is missing`);
    return undefined;
  }
  const serverProblem = serverUrlProblem(server);
  if (serverProblem) problems.push(`kubeconfig: ${serverProblem}`);
  const kept: Record<string, unknown> = { server: server.replace(/\/$/, '') };
  for (const field of ['certificate-authority-data', 'tls-server-name'] as const) if (typeof cluster[field] === 'string') kept[field] = cluster[field];
  if (skip === true) kept['insecure-skip-tls-verify'] = true;
  return kept as unknown as KeptCluster;
}

function keptUser(entry: Record<string, unknown> | undefined, name: string | undefined, problems: Problems): KeptUser | undefined {
  const user = entry?.['user'];
  if (!name || !isRecord(user)) {
    problems.push('kubeconfig: the context names no user that is in the file');
    return undefined;
  }
  for (const [field, why] of Object.entries(REFUSED_USER_FIELDS)) if (user[field] !== undefined) problems.push(`kubeconfig: users[${name}].user: ${why}`);
  const kept: Record<string, string> = {};
  for (const field of USER_STRINGS) {
    const value = user[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') problems.push(`kubeconfig: users[${name}].user.${field} must be a string`);
    else kept[field] = value;
  }
  const hasCredentials = kept['token'] || (kept['client-certificate-data'] && kept['client-key-data']) || (kept['username'] && kept['password']);
  if (!hasCredentials && !Object.keys(REFUSED_USER_FIELDS).some((f) => user[f] !== undefined)) {
    problems.push('kubeconfig: the user has no credentials in the file (token, client-certificate-data + client-key-data, or username + password)');
  }
  return kept as KeptUser;
}

/**
 * Reads a kubeconfig that came over the network without letting any library act on it: the
 * YAML is parsed here (aliases and size capped), the chosen context's cluster and user are
 * checked field by field, and only inline data is kept. Nothing in it can name a file, run a
 * program or route through a proxy; the server URL has no credentials, query or fragment.
 */
function readUntrustedKubeconfig(kubeconfigYaml: string, wantedContext?: string): { ok: true; kept: KeptContext } | { ok: false; problems: string[] } {
  if (Buffer.byteLength(kubeconfigYaml, 'utf8') > KUBECONFIG_MAX_BYTES) return { ok: false, problems: [`kubeconfig: a kubeconfig is at most ${KUBECONFIG_MAX_BYTES.toLocaleString('en')} bytes`] };
  let raw: unknown;
  try {
    const document = parseDocument(kubeconfigYaml, { uniqueKeys: true, prettyErrors: false });
    const error = document.errors[0];
    if (error) return { ok: false, problems: [`kubeconfig: not valid YAML (${error.code} at line ${error.linePos?.[0].line ?? '?'})`] };
    raw = document.toJS({ maxAliasCount: KUBECONFIG_MAX_ALIASES });
  } catch (error) {
    const alias = error instanceof Error && /alias/i.test(error.message);
    return { ok: false, problems: [alias ? `kubeconfig: too many YAML aliases (at most ${KUBECONFIG_MAX_ALIASES})` : 'kubeconfig: not valid YAML'] };
  }
  if (!isRecord(raw)) return { ok: false, problems: ['kubeconfig: not a kubeconfig (expected a mapping with clusters, users and contexts)'] };
  const current = raw['current-context'];
  const contextName = wantedContext ?? (typeof current === 'string' && current ? current : undefined);
  const contextEntry = contextName ? named(raw['contexts'], contextName) : undefined;
  const context = contextEntry?.['context'];
  if (!contextName || !isRecord(context)) {
    const names = namesOf(raw['contexts']);
    return { ok: false, problems: [`context: ${contextName ? `no context named ${contextName}` : 'the kubeconfig has no current context'}; it has ${names.length > 0 ? names.join(', ') : 'none'}`] };
  }
  const problems: Problems = [];
  const clusterName = context['cluster'];
  const userName = context['user'];
  const namespace = context['namespace'];
  if (typeof clusterName !== 'string' || !clusterName) {
    return { ok: false, problems: [`kubeconfig: context ${contextName} names no cluster`] };
  }
  const cluster = keptCluster(named(raw['clusters'], clusterName), clusterName, problems);
  const user = keptUser(typeof userName === 'string' ? named(raw['users'], userName) : undefined, typeof userName === 'string' ? userName : undefined, problems);
  if (problems.length > 0 || !cluster || !user || typeof userName !== 'string') return { ok: false, problems };
  return {
    ok: true,
    kept: { name: contextName, clusterName, userName, cluster, user, ...(typeof namespace === 'string' && namespace ? { namespace } : {}) },
  };
}

function keptYaml(kept: KeptContext): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: kept.clusterName, cluster: kept.cluster }],
    users: [{ name: kept.userName, user: kept.user }],
    contexts: [{ name: kept.name, context: { cluster: kept.clusterName, user: kept.userName, ...(kept.namespace ? { namespace: kept.namespace } : {}) } }],
    'current-context': kept.name,
  });
}

/**
 * Accepts only credentials held inside the kubeconfig (see readUntrustedKubeconfig). What is
 * stored is only the chosen context, its cluster and its user.
 */
export function checkStoredKubeconfig(kubeconfigYaml: string, wantedContext?: string): StoredKubeconfig {
  const read = readUntrustedKubeconfig(kubeconfigYaml, wantedContext);
  if (!read.ok) return read;
  return { ok: true, context: read.kept.name, kubeconfigYaml: keptYaml(read.kept) };
}

/**
 * A KubeConfig for a stored kubeconfig, built from checked inline data only (loadFromOptions):
 * rows stored before a check existed are checked again here, and refused the same way.
 */
export function kubeConfigOfStored(kubeconfigYaml: string, context: string): KubeConfig {
  const read = readUntrustedKubeconfig(kubeconfigYaml, context);
  if (!read.ok) throw new Error(`the stored kubeconfig is refused: ${read.problems.join('; ')}`);
  const { kept } = read;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: kept.clusterName,
        server: kept.cluster.server,
        skipTLSVerify: kept.cluster['insecure-skip-tls-verify'] === true,
        ...(kept.cluster['certificate-authority-data'] ? { caData: kept.cluster['certificate-authority-data'] } : {}),
        ...(kept.cluster['tls-server-name'] ? { tlsServerName: kept.cluster['tls-server-name'] } : {}),
      },
    ],
    users: [
      {
        name: kept.userName,
        ...(kept.user.token ? { token: kept.user.token } : {}),
        ...(kept.user['client-certificate-data'] ? { certData: kept.user['client-certificate-data'] } : {}),
        ...(kept.user['client-key-data'] ? { keyData: kept.user['client-key-data'] } : {}),
        ...(kept.user.username ? { username: kept.user.username } : {}),
        ...(kept.user.password ? { password: kept.user.password } : {}),
        ...(kept.user.as ? { impersonateUser: kept.user.as } : {}),
      },
    ],
    contexts: [{ name: kept.name, cluster: kept.clusterName, user: kept.userName, ...(kept.namespace ? { namespace: kept.namespace } : {}) }],
    currentContext: kept.name,
  });
  return kc;
}
