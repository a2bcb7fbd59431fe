import type { ClusterItem } from '@palisade/api-contract';
import { fakeApi, json } from '../testing/fake-api';
import { listClusters } from './clusters';

// Outside a request: nobody is signed in.
jest.mock('./request-context', () => ({
  requestCredentials: async () => ({}),
  requestPath: async () => '/',
}));

const prod: ClusterItem = {
  id: '0b6f2a5e-1d1c-4f5e-9a52-3c7e0f7a1a01',
  name: 'prod-eu',
  source: 'kubeconfig',
  status: 'ok',
  score: 87,
  lastSnapshotAt: '2025-03-04T05:06:07.000Z',
  snapshotIntervalSeconds: 300,
  latest: null,
};

describe('listClusters', () => {
  let api: Awaited<ReturnType<typeof fakeApi>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('returns the page of clusters the API answers at GET /api/clusters', async () => {
    api = await fakeApi(json(200, { items: [prod], total: 1 }));

    const result = await listClusters({ baseUrl: api.baseUrl });

    expect(result).toEqual({ ok: true, data: { items: [prod], total: 1 } });
    expect(api.requests.map((r) => `${r.method} ${r.url} ${r.headers.accept}`)).toEqual([
      'GET /api/clusters application/json',
    ]);
  });

  it('reports an API that is not running as unreachable, naming the URL and the cause', async () => {
    api = await fakeApi(json(200, {}));
    const { baseUrl } = api;
    await api.close();
    api = undefined;

    const result = await listClusters({ baseUrl });

    expect(result).toEqual({
      ok: false,
      error: { kind: 'unreachable', url: `${baseUrl}/api/clusters`, reason: 'ECONNREFUSED' },
    });
  });

  it('reports an API that does not answer in time as unreachable', async () => {
    api = await fakeApi(() => {
      // Never answers.
    });

    const result = await listClusters({ baseUrl: api.baseUrl, timeoutMs: 100 });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', reason: 'no answer in time' },
    });
  });

  it("reports an error status with the API's own error message", async () => {
    api = await fakeApi(
      json(500, {
        error: {
          code: 'internal',
          message: 'unexpected error; quote this correlation id',
          correlationId: '7',
        },
      }),
    );

    const result = await listClusters({ baseUrl: api.baseUrl });

    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'http-error',
        url: `${api.baseUrl}/api/clusters`,
        status: 500,
        message: 'unexpected error; quote this correlation id',
      },
    });
  });

  it('reports an error status without a JSON body by its status text', async () => {
    api = await fakeApi((_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });

    const result = await listClusters({ baseUrl: api.baseUrl });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http-error', status: 502, message: 'Bad Gateway' },
    });
  });

  it('rejects a 200 that is not JSON (API_URL pointing at something else)', async () => {
    api = await fakeApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>some other server</html>');
    });

    const result = await listClusters({ baseUrl: api.baseUrl });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response', reason: 'the body is not JSON' },
    });
  });

  it.each([
    ['no items array', { total: 1 }],
    ['no total', { items: [prod] }],
    ['an item without a name', { items: [{ ...prod, name: undefined }], total: 1 }],
    ['a score that is not a number', { items: [{ ...prod, score: '87' }], total: 1 }],
  ])('rejects a JSON body with %s', async (_case, body) => {
    api = await fakeApi(json(200, body));

    const result = await listClusters({ baseUrl: api.baseUrl });

    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
  });
});
