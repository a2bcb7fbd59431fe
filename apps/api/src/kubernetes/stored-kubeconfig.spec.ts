import { stringify } from 'yaml';
import { checkStoredKubeconfig } from './stored-kubeconfig';

const kubeconfig = (user: Record<string, unknown>, cluster: Record<string, unknown> = { server: 'https://10.0.0.1:6443', 'certificate-authority-data': 'Q0E=' }) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'prod', cluster },
      { name: 'other', cluster: { server: 'https://10.9.9.9' } },
    ],
    users: [
      { name: 'auditor', user },
      { name: 'admin', user: { token: 'other-token-not-to-keep' } },
    ],
    contexts: [
      { name: 'prod', context: { cluster: 'prod', user: 'auditor' } },
      { name: 'other', context: { cluster: 'other', user: 'admin' } },
    ],
    'current-context': 'prod',
  });

describe('checkStoredKubeconfig', () => {
  it('keeps only the chosen context, its cluster and its user', () => {
    const result = checkStoredKubeconfig(kubeconfig({ token: 'the-auditor-token' }));
    expect(result).toMatchObject({ ok: true, context: 'prod' });
    if (!result.ok) return;
    expect(result.kubeconfigYaml).toContain('the-auditor-token');
    expect(result.kubeconfigYaml).not.toContain('other-token-not-to-keep');
    expect(result.kubeconfigYaml).not.toContain('10.9.9.9');
  });

  it('takes a named context, and names the ones there are when it is missing', () => {
    expect(checkStoredKubeconfig(kubeconfig({ token: 't' }), 'other')).toMatchObject({ ok: true, context: 'other' });
    expect(checkStoredKubeconfig(kubeconfig({ token: 't' }), 'staging')).toEqual({ ok: false, problems: ['context: no context named staging; it has prod, other'] });
  });

  it('refuses credentials that would run a program or read a file on the server', () => {
    const exec = checkStoredKubeconfig(kubeconfig({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'sh', args: ['-c', 'id'] } }));
    expect(exec.ok).toBe(false);
    expect(JSON.stringify(exec)).toMatch(/runs a command \(exec\)/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ 'auth-provider': { name: 'gcp' } })))).toMatch(/auth-provider/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ 'client-certificate': '/etc/passwd', 'client-key': '/etc/shadow' })))).toMatch(/name files on the server/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ token: 't' }, { server: 'https://x', 'certificate-authority': '/etc/ssl/ca.pem' })))).toMatch(/certificate-authority names a file/);
  });

  it('refuses a user without credentials, a server that is not a URL, and text that is not a kubeconfig', () => {
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({})))).toMatch(/no credentials in the file/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ token: 't' }, { server: 'ftp://x' })))).toMatch(/https:\/\//);
    expect(checkStoredKubeconfig('- just\n- a list').ok).toBe(false);
  });
});
