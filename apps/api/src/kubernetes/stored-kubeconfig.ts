import { KubeConfig } from '@kubernetes/client-node';

/** A kubeconfig an admin gave through the API, checked and cut down to the context to watch. */
export type StoredKubeconfig = { readonly ok: true; readonly context: string; readonly kubeconfigYaml: string } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Accepts only credentials held inside the kubeconfig. A kubeconfig given over the network must
 * not make the server run a program (`exec`, `auth-provider` plugins) or read its own files
 * (`tokenFile`, `client-certificate`, `client-key`, `certificate-authority` paths): either
 * would let an admin account execute code or read secrets on Palisade's host. What is stored is
 * only the chosen context, its cluster and its user.
 */
export function checkStoredKubeconfig(kubeconfigYaml: string, wantedContext?: string): StoredKubeconfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(kubeconfigYaml);
  } catch (error) {
    return { ok: false, problems: [`kubeconfig: not a kubeconfig (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`] };
  }
  const contextName = wantedContext ?? kc.getCurrentContext();
  const context = kc.getContextObject(contextName);
  if (!contextName || !context) {
    const names = kc.getContexts().map((c) => c.name);
    return { ok: false, problems: [`context: ${contextName ? `no context named ${contextName}` : 'the kubeconfig has no current context'}; it has ${names.length > 0 ? names.join(', ') : 'none'}`] };
  }
  const cluster = kc.getCluster(context.cluster);
  const user = context.user ? kc.getUser(context.user) : null;
  const problems: string[] = [];
  if (!cluster) problems.push(`kubeconfig: context ${contextName} names the cluster ${context.cluster}, which is not in the file`);
  if (!user) problems.push(`kubeconfig: context ${contextName} names no user that is in the file`);
  if (cluster) {
    if (!/^https?:\/\//.test(cluster.server)) problems.push(`kubeconfig: the cluster's server must be an https:// (or http://) URL, not ${cluster.server}`);
    if (cluster.caFile) problems.push('kubeconfig: certificate-authority names a file on the server; put the certificate in certificate-authority-data');
  }
  if (user) {
    if (user.exec) problems.push('kubeconfig: the user runs a command (exec); Palisade does not run programs from a kubeconfig given over the API: use a token or a client certificate');
    if (user.authProvider) problems.push('kubeconfig: the user needs an auth-provider plugin; use a token or a client certificate');
    if (user.certFile || user.keyFile) problems.push('kubeconfig: client-certificate/client-key name files on the server; use client-certificate-data and client-key-data');
    if ((user as { tokenFile?: string }).tokenFile) problems.push('kubeconfig: tokenFile names a file on the server; put the token in token');
    if (!user.token && !(user.certData && user.keyData) && !(user.username && user.password)) {
      problems.push('kubeconfig: the user has no credentials in the file (token, client-certificate-data + client-key-data, or username + password)');
    }
  }
  if (problems.length > 0 || !cluster || !user) return { ok: false, problems };
  const minimal = new KubeConfig();
  minimal.loadFromOptions({ clusters: [cluster], users: [user], contexts: [context], currentContext: contextName });
  return { ok: true, context: contextName, kubeconfigYaml: minimal.exportConfig() };
}
