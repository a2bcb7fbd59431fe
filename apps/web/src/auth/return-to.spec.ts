import { isAuthPage, loginHref, oidcLoginHref, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path of the dashboard with its query and fragment', () => {
    expect(safeReturnTo('/alerts?status=firing&offset=50')).toBe('/alerts?status=firing&offset=50');
    expect(safeReturnTo('/clusters/abc/workloads/shop/Deployment/my.app#pods')).toBe(
      '/clusters/abc/workloads/shop/Deployment/my.app#pods',
    );
    expect(safeReturnTo('/')).toBe('/');
  });

  it.each([
    ['another host, protocol-relative', '//evil.example/alerts'],
    ['a backslash read as a slash by browsers', '/\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'alerts'],
    ['a tab hidden between the slashes', '/\t/evil.example'],
    ['a newline', '/alerts\nSet-Cookie: x=y'],
    ['a control character', '/alerts\u0001'],
    ['an empty value', ''],
    ['not a string', ['/alerts']],
    ['the sign-in page itself (a loop)', '/login?returnTo=/alerts'],
    ['the setup page', '/setup'],
  ])('falls back to the home page for %s', (_what, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeReturnTo('//evil.example', '/alerts')).toBe('/alerts');
  });
});

describe('isAuthPage', () => {
  it('is true for the sign-in and setup pages only', () => {
    expect(isAuthPage('/login')).toBe(true);
    expect(isAuthPage('/setup')).toBe(true);
    expect(isAuthPage('/loginx')).toBe(false);
    expect(isAuthPage('/admin/users')).toBe(false);
  });
});

describe('loginHref', () => {
  it('remembers the page to come back to, encoded', () => {
    expect(loginHref('/alerts?status=firing')).toBe('/login?returnTo=%2Falerts%3Fstatus%3Dfiring');
  });

  it('leaves out the home page and anything unsafe', () => {
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('//evil.example')).toBe('/login');
  });

  it('adds other parameters after it', () => {
    expect(loginHref('/reports', { error: 'denied' })).toBe(
      '/login?returnTo=%2Freports&error=denied',
    );
  });
});

describe('oidcLoginHref', () => {
  it("starts the identity provider's sign-in with a safe returnTo", () => {
    expect(oidcLoginHref('/alerts')).toBe('/api/auth/oidc/login?returnTo=%2Falerts');
    expect(oidcLoginHref('//evil.example')).toBe('/api/auth/oidc/login?returnTo=%2F');
  });
});
