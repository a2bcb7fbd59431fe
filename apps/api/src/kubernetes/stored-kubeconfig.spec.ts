import { parse, stringify } from 'yaml';
import fc from 'fast-check';
import { checkStoredKubeconfig, kubeConfigOfStored } from './stored-kubeconfig';

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
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ 'client-certificate': '/etc/passwd', 'client-key': '/etc/shadow' })))).toMatch(/client-certificate names a file on the server/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ token: 't' }, { server: 'https://x', 'certificate-authority': '/etc/ssl/ca.pem' })))).toMatch(/certificate-authority names a file/);
  });

  it('refuses token-file (the field the client library reads while parsing) and the other file and proxy fields by their raw names', () => {
    const refusals: [Record<string, unknown>, Record<string, unknown>, RegExp][] = [
      [{ 'token-file': '/proc/self/environ' }, {}, /token-file names a file/],
      [{ tokenFile: '/proc/self/environ' }, {}, /tokenFile names a file/],
      [{ 'client-key': '/etc/shadow', 'client-certificate-data': 'Y2VydA==' }, {}, /client-key names a file/],
      [{ 'auth-provider': { name: 'oidc', config: { tokenFile: '/etc/passwd' } } }, {}, /auth-provider/],
      [{ token: 't' }, { server: 'https://10.0.0.1', 'proxy-url': 'socks5://attacker:1080' }, /proxy-url/],
    ];
    for (const [user, cluster, message] of refusals) {
      const result = checkStoredKubeconfig(kubeconfig(user, { server: 'https://10.0.0.1', ...cluster }));
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).toMatch(message);
    }
  });

  it('keeps only inline fields of the chosen user and cluster', () => {
    const result = checkStoredKubeconfig(kubeconfig({ token: 't', as: 'auditor', 'unknown-field': 'x', extensions: [{ name: 'e' }] }, { server: 'https://10.0.0.1:6443/', 'tls-server-name': 'k8s', extensions: [] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(parse(result.kubeconfigYaml)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'prod', cluster: { server: 'https://10.0.0.1:6443', 'tls-server-name': 'k8s' } }],
      users: [{ name: 'auditor', user: { token: 't', as: 'auditor' } }],
      contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'auditor' } }],
      'current-context': 'prod',
    });
  });

  it('refuses server URLs with credentials, a query or a fragment, and metadata or link-local hosts', () => {
    for (const server of ['https://u:p@10.0.0.1', 'https://10.0.0.1/#', 'https://10.0.0.1/?q', 'http://169.254.169.254', 'https://[fe80::1]', 'http://metadata.google.internal']) {
      expect([server, checkStoredKubeconfig(kubeconfig({ token: 't' }, { server })).ok]).toEqual([server, false]);
    }
    for (const server of ['https://10.0.0.1:6443', 'https://127.0.0.1:6443', 'https://rancher.example.com/k8s/clusters/c-abc']) {
      expect([server, checkStoredKubeconfig(kubeconfig({ token: 't' }, { server })).ok]).toEqual([server, true]);
    }
  });

  it('refuses alias bombs, oversized text and duplicate keys without expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    const started = Date.now();
    expect(JSON.stringify(checkStoredKubeconfig(`${bomb}\n${kubeconfig({ token: 't' })}`))).toMatch(/too many YAML aliases/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(checkStoredKubeconfig(`${kubeconfig({ token: 't' })}#${'x'.repeat(1_000_001)}`))).toMatch(/at most 1,000,000 bytes/);
    expect(checkStoredKubeconfig(`current-context: a\ncurrent-context: b\n`).ok).toBe(false);
  });

  it('answers ok or a list of problems for any text, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => stringify(v)), fc.jsonValue().map((v) => JSON.stringify(v))), fc.option(fc.string(), { nil: undefined }), (text, context) => {
        const result = checkStoredKubeconfig(text, context);
        expect(result.ok ? typeof result.kubeconfigYaml : result.problems.length > 0).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('answers ok or problems for kubeconfig-shaped values with fields of any type', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));
    const entry = (body: string) => fc.record({ name: fc.oneof(fc.constant('x'), anyValue), [body]: fc.dictionary(fc.constantFrom('server', 'token', 'cluster', 'user', 'token-file', 'exec', 'client-key-data', 'insecure-skip-tls-verify', 'namespace'), anyValue) });
    fc.assert(
      fc.property(fc.record({ clusters: fc.array(entry('cluster')), users: fc.array(entry('user')), contexts: fc.array(entry('context')), 'current-context': anyValue }), (config) => {
        const result = checkStoredKubeconfig(stringify(config));
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('builds the client configuration from checked inline data, and refuses a stored row that names a file', () => {
    const checked = checkStoredKubeconfig(kubeconfig({ token: 'the-token', as: 'someone' }));
    if (!checked.ok) throw new Error('expected ok');
    const kc = kubeConfigOfStored(checked.kubeconfigYaml, 'prod');
    expect(kc.getCurrentCluster()).toMatchObject({ server: 'https://10.0.0.1:6443', caData: 'Q0E=' });
    expect(kc.getCurrentUser()).toMatchObject({ token: 'the-token', impersonateUser: 'someone' });
    // A row stored before the checks existed is checked again when it is loaded.
    expect(() => kubeConfigOfStored(kubeconfig({ 'token-file': '/proc/self/environ' }), 'prod')).toThrow(/token-file names a file/);
  });

  it('refuses a user without credentials, a server that is not a URL, and text that is not a kubeconfig', () => {
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({})))).toMatch(/no credentials in the file/);
    expect(JSON.stringify(checkStoredKubeconfig(kubeconfig({ token: 't' }, { server: 'ftp://x' })))).toMatch(/https:\/\//);
    expect(checkStoredKubeconfig('- just\n- a list').ok).toBe(false);
  });
});
