import {
  keptClusterValues,
  kubeconfigBodyOf,
  newClusterBodyOf,
  removalConfirmed,
} from './cluster-bodies';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const KUBECONFIG =
  'apiVersion: v1\nclusters:\n  - name: x\n    cluster:\n      server: https://k\n';

describe('newClusterBodyOf', () => {
  it('sends the kubeconfig as pasted, the name trimmed, and no context when none is given', () => {
    expect(
      newClusterBodyOf(form({ name: ' staging ', kubeconfig: KUBECONFIG, context: ' ' })),
    ).toEqual({ ok: true, body: { name: 'staging', kubeconfig: KUBECONFIG } });
  });

  it('sends the context when one is given', () => {
    expect(
      newClusterBodyOf(form({ name: 'staging', kubeconfig: KUBECONFIG, context: ' admin@x ' })),
    ).toEqual({ ok: true, body: { name: 'staging', kubeconfig: KUBECONFIG, context: 'admin@x' } });
  });

  it('asks for the name and the kubeconfig before calling the API', () => {
    expect(newClusterBodyOf(form({ name: '', kubeconfig: ' \n ' }))).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Name the cluster.' },
        { field: 'kubeconfig', message: 'Paste the kubeconfig (YAML).' },
      ],
    });
  });
});

describe('kubeconfigBodyOf', () => {
  it('builds the new credentials of a stored cluster', () => {
    expect(kubeconfigBodyOf(form({ id: 'c1', kubeconfig: KUBECONFIG, context: 'ci' }))).toEqual({
      ok: true,
      body: { kubeconfig: KUBECONFIG, context: 'ci' },
    });
    expect(kubeconfigBodyOf(form({ id: 'c1', kubeconfig: '' }))).toMatchObject({ ok: false });
  });
});

describe('keptClusterValues', () => {
  it('keeps the name and the context, never the kubeconfig', () => {
    const kept = keptClusterValues(
      form({ name: 'staging', kubeconfig: 'token: secret-bearer', context: 'admin' }),
    );
    expect(kept).toEqual({ name: ['staging'], context: ['admin'] });
    expect(JSON.stringify(kept)).not.toContain('secret-bearer');
  });
});

describe('removalConfirmed', () => {
  it('needs the ticked checkbox', () => {
    expect(removalConfirmed(form({ id: 'c1', confirm: 'on' }))).toBe(true);
    expect(removalConfirmed(form({ id: 'c1' }))).toBe(false);
  });
});
