import { formOf } from '../testing/auth-fixtures';
import {
  keptClusterValues,
  kubeconfigBodyOf,
  newClusterBodyOf,
  removalConfirmed,
} from './cluster-bodies';

const KUBECONFIG =
  'apiVersion: v1\nclusters:\n  - name: x\n    cluster:\n      server: https://k\n';

describe('newClusterBodyOf', () => {
  it('sends the kubeconfig as pasted, the name trimmed, and no context when none is given', () => {
    expect(
      newClusterBodyOf(formOf({ name: ' staging ', kubeconfig: KUBECONFIG, context: ' ' })),
    ).toEqual({ ok: true, body: { name: 'staging', kubeconfig: KUBECONFIG } });
  });

  it('sends the context when one is given', () => {
    expect(
      newClusterBodyOf(formOf({ name: 'staging', kubeconfig: KUBECONFIG, context: ' admin@x ' })),
    ).toEqual({ ok: true, body: { name: 'staging', kubeconfig: KUBECONFIG, context: 'admin@x' } });
  });

  it('asks for the name and the kubeconfig before calling the API', () => {
    expect(newClusterBodyOf(formOf({ name: '', kubeconfig: ' \n ' }))).toEqual({
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
    expect(kubeconfigBodyOf(formOf({ id: 'c1', kubeconfig: KUBECONFIG, context: 'ci' }))).toEqual({
      ok: true,
      body: { kubeconfig: KUBECONFIG, context: 'ci' },
    });
    expect(kubeconfigBodyOf(formOf({ id: 'c1', kubeconfig: '' }))).toMatchObject({ ok: false });
  });
});

describe('keptClusterValues', () => {
  it('keeps the name and the context, never the kubeconfig', () => {
    const kept = keptClusterValues(
      formOf({ name: 'staging', kubeconfig: 'token: secret-bearer', context: 'admin' }),
    );
    expect(kept).toEqual({ name: ['staging'], context: ['admin'] });
    expect(JSON.stringify(kept)).not.toContain('secret-bearer');
  });
});

describe('removalConfirmed', () => {
  it('needs the ticked checkbox', () => {
    expect(removalConfirmed(formOf({ id: 'c1', confirm: 'on' }))).toBe(true);
    expect(removalConfirmed(formOf({ id: 'c1' }))).toBe(false);
  });
});
