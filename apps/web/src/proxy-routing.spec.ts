import { decide } from './proxy-routing';

const api = 'http://127.0.0.1:4999';

describe('decide (the proxy in front of the API)', () => {
  it('forwards the REST API and its docs with the query string', () => {
    expect(decide('/api/clusters', '?limit=5', api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/api/clusters?limit=5',
    });
    expect(decide('/api/docs', '', api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/api/docs',
    });
  });

  it("forwards socket.io with its trailing slash (socket.io's path is /socket.io/)", () => {
    expect(decide('/socket.io/', '?EIO=4&transport=polling', api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/socket.io/?EIO=4&transport=polling',
    });
  });

  it('leaves pages whose names only start like the API to Next', () => {
    expect(decide('/apis', '', api)).toEqual({ kind: 'next' });
    expect(decide('/', '', api)).toEqual({ kind: 'next' });
  });

  it('redirects a page path with a trailing slash to the path without it', () => {
    expect(decide('/clusters/', '', api)).toEqual({ kind: 'redirect', pathname: '/clusters' });
    expect(decide('//', '', api)).toEqual({ kind: 'redirect', pathname: '/' });
  });
});
