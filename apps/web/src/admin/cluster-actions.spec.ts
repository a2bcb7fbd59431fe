import type { WriteResult } from '../alerts/api-write';
import { formOf } from '../testing/auth-fixtures';
import { createCluster, removeCluster, replaceKubeconfig } from './cluster-actions';

const sent: { method: string; path: string; body: unknown }[] = [];
let answer: WriteResult;
jest.mock('../alerts/api-write', () => ({
  sendJson: async (method: string, path: string, body: unknown) => {
    sent.push({ method, path, body });
    return answer;
  },
}));
const revalidated: string[] = [];
jest.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const TOKEN = 'fake-cluster-bearer-token';
const KUBECONFIG = `apiVersion: v1\nusers:\n  - name: x\n    user:\n      token: ${TOKEN}\n`;

beforeEach(() => {
  sent.length = 0;
  revalidated.length = 0;
});

describe('createCluster', () => {
  it('sends the pasted kubeconfig to the API and re-renders the list', async () => {
    answer = { ok: true, status: 201, body: { id: 'c1', name: 'staging' }, setCookies: [] };
    const state = await createCluster(
      { attempt: 0 },
      formOf({ name: 'staging', kubeconfig: KUBECONFIG, context: '' }),
    );
    expect(sent).toEqual([
      { method: 'POST', path: '/api/clusters', body: { name: 'staging', kubeconfig: KUBECONFIG } },
    ]);
    expect(revalidated).toEqual(['/admin/clusters']);
    expect(state).toEqual({ attempt: 1, done: expect.stringMatching(/^Watching staging/) });
  });

  it("shows the API's reasons and keeps the name, but never sends the kubeconfig back", async () => {
    answer = {
      ok: false,
      status: 400,
      code: 'invalid-request',
      message: 'kubeconfig: the user runs a command (exec); use a token',
      fields: [{ field: 'kubeconfig', message: 'the user runs a command (exec); use a token' }],
    };
    const state = await createCluster(
      { attempt: 3 },
      formOf({ name: 'evil', kubeconfig: KUBECONFIG, context: 'admin' }),
    );
    expect(state).toEqual({
      attempt: 4,
      error: 'Kubeconfig: the user runs a command (exec); use a token',
      fields: [{ field: 'kubeconfig', message: 'the user runs a command (exec); use a token' }],
      values: { name: ['evil'], context: ['admin'] },
    });
    expect(JSON.stringify(state)).not.toContain(TOKEN);
    expect(revalidated).toEqual([]);
  });

  it('puts a name in use beside the name field', async () => {
    answer = {
      ok: false,
      status: 409,
      code: 'cluster-name-taken',
      message: 'a cluster named staging exists already',
      fields: [],
    };
    const state = await createCluster(
      { attempt: 0 },
      formOf({ name: 'staging', kubeconfig: KUBECONFIG }),
    );
    expect(state.fields).toEqual([
      { field: 'name', message: 'a cluster named staging exists already' },
    ]);
  });

  it('asks for what is missing without calling the API', async () => {
    const state = await createCluster({ attempt: 0 }, formOf({ name: 'x', kubeconfig: '' }));
    expect(state.fields?.map((f) => f.field)).toEqual(['kubeconfig']);
    expect(sent).toEqual([]);
  });
});

describe('replaceKubeconfig', () => {
  it('puts the new kubeconfig of that cluster', async () => {
    answer = { ok: true, status: 200, body: {}, setCookies: [] };
    const state = await replaceKubeconfig(
      { attempt: 0 },
      formOf({ id: 'c/1', name: 'staging', kubeconfig: KUBECONFIG, context: 'ci' }),
    );
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/clusters/c%2F1/kubeconfig',
        body: { kubeconfig: KUBECONFIG, context: 'ci' },
      },
    ]);
    expect(state.done).toMatch(/^New credentials saved for staging/);
  });

  it('never sends a refused kubeconfig back', async () => {
    answer = { ok: false, status: 400, message: 'context: no context named ci', fields: [] };
    const state = await replaceKubeconfig(
      { attempt: 0 },
      formOf({ id: 'c1', name: 'staging', kubeconfig: KUBECONFIG, context: 'ci' }),
    );
    expect(state.error).toBe('Context: no context named ci');
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });
});

describe('removeCluster', () => {
  it('refuses until the history deletion is acknowledged', async () => {
    const state = await removeCluster({ attempt: 0 }, formOf({ id: 'c1', name: 'staging' }));
    expect(state.error).toMatch(/^Tick “I understand the history is deleted” to remove staging/);
    expect(sent).toEqual([]);
  });

  it('deletes the cluster once confirmed', async () => {
    answer = { ok: true, status: 204, body: undefined, setCookies: [] };
    const state = await removeCluster(
      { attempt: 0 },
      formOf({ id: 'c1', name: 'staging', confirm: 'on' }),
    );
    expect(sent).toEqual([{ method: 'DELETE', path: '/api/clusters/c1', body: undefined }]);
    expect(revalidated).toEqual(['/admin/clusters']);
    expect(state).toEqual({ attempt: 1 });
  });

  it("shows the API's refusal", async () => {
    answer = {
      ok: false,
      status: 409,
      code: 'cluster-not-stored',
      message: 'the cluster demo comes from the demo of the server; change it there',
      fields: [],
    };
    const state = await removeCluster(
      { attempt: 0 },
      formOf({ id: 'c1', name: 'demo', confirm: 'on' }),
    );
    expect(state.error).toBe('The cluster demo comes from the demo of the server; change it there');
  });
});
