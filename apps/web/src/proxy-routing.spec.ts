import { decide } from './proxy-routing';

const api = 'http://127.0.0.1:4999';
const signedIn = (pathname: string, search = '') => ({ pathname, search, hasSession: true });
const anonymous = (pathname: string, search = '') => ({ pathname, search, hasSession: false });

describe('decide (the proxy in front of the API)', () => {
  it('forwards the REST API and its docs with the query string', () => {
    expect(decide(signedIn('/api/clusters', '?limit=5'), api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/api/clusters?limit=5',
    });
    expect(decide(signedIn('/api/docs'), api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/api/docs',
    });
  });

  it("forwards socket.io with its trailing slash (socket.io's path is /socket.io/)", () => {
    expect(decide(signedIn('/socket.io/', '?EIO=4&transport=polling'), api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/socket.io/?EIO=4&transport=polling',
    });
  });

  it('forwards the API without a session too: the API decides (login, health, bearer tokens)', () => {
    expect(decide(anonymous('/api/auth/login'), api)).toEqual({
      kind: 'api',
      url: 'http://127.0.0.1:4999/api/auth/login',
    });
    expect(decide(anonymous('/socket.io/', '?EIO=4'), api).kind).toBe('api');
  });

  it('leaves pages whose names only start like the API to Next', () => {
    expect(decide(signedIn('/apis'), api)).toEqual({ kind: 'next', path: '/apis' });
    expect(decide(signedIn('/'), api)).toEqual({ kind: 'next', path: '/' });
  });

  it('redirects a page path with a trailing slash to the path without it', () => {
    expect(decide(signedIn('/clusters/'), api)).toEqual({
      kind: 'redirect',
      pathname: '/clusters',
    });
    expect(decide(signedIn('//'), api)).toEqual({ kind: 'redirect', pathname: '/' });
  });

  it('sends a page asked without a session to sign in, remembering the page and its query', () => {
    expect(decide(anonymous('/alerts', '?status=firing'), api)).toEqual({
      kind: 'sign-in',
      location: '/login?returnTo=%2Falerts%3Fstatus%3Dfiring',
    });
    expect(decide(anonymous('/'), api)).toEqual({ kind: 'sign-in', location: '/login' });
    expect(decide(anonymous('/clusters/x/workloads/ns/Deployment/my.app'), api)).toEqual({
      kind: 'sign-in',
      location: '/login?returnTo=%2Fclusters%2Fx%2Fworkloads%2Fns%2FDeployment%2Fmy.app',
    });
  });

  it('lets anyone reach the sign-in and setup pages and the static files', () => {
    expect(decide(anonymous('/login', '?returnTo=%2Falerts'), api)).toEqual({
      kind: 'next',
      path: '/login?returnTo=%2Falerts',
    });
    expect(decide(anonymous('/setup'), api).kind).toBe('next');
    expect(decide(anonymous('/favicon.ico'), api).kind).toBe('next');
    expect(decide(anonymous('/_next/data/x.json'), api).kind).toBe('next');
  });

  it("leaves Next's client-navigation marker out of the page's address", () => {
    expect(decide(signedIn('/alerts', '?status=firing&_rsc=1x2y'), api)).toEqual({
      kind: 'next',
      path: '/alerts?status=firing',
    });
    expect(decide(anonymous('/reports', '?_rsc=abc'), api)).toEqual({
      kind: 'sign-in',
      location: '/login?returnTo=%2Freports',
    });
  });
});
