import { roleFromClaims, safeReturnTo } from './oidc-roles';

const config = { groupsClaim: 'groups', adminGroups: ['sec-admins'], operatorGroups: ['sre'], viewerGroups: ['dev'], defaultRole: 'none' as const };

describe('roleFromClaims', () => {
  it('gives the highest role any of the groups maps to', () => {
    expect(roleFromClaims(config, { groups: ['dev', 'sre'] })).toBe('operator');
    expect(roleFromClaims(config, { groups: ['sre', 'sec-admins'] })).toBe('admin');
    expect(roleFromClaims(config, { groups: ['dev'] })).toBe('viewer');
  });

  it('falls back to the default role, which may refuse sign-in', () => {
    expect(roleFromClaims(config, { groups: ['marketing'] })).toBe('none');
    expect(roleFromClaims({ ...config, defaultRole: 'viewer' }, {})).toBe('viewer');
  });

  it('reads the configured claim, a single string or a list', () => {
    expect(roleFromClaims({ ...config, groupsClaim: 'roles' }, { roles: 'sec-admins', groups: ['dev'] })).toBe('admin');
    expect(roleFromClaims(config, { groups: [42, 'sre'] })).toBe('operator');
  });
});

describe('safeReturnTo', () => {
  it('keeps paths of this site and sends anything else home', () => {
    expect(safeReturnTo('/clusters/1?tab=x')).toBe('/clusters/1?tab=x');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});
