import { redactQuery, redactQueryObject, redactUrl } from './logger';

describe('log redaction helpers', () => {
  it('hides the values of credential-like query parameters and keeps the rest', () => {
    expect(redactQuery('/api/auth/oidc/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp')).toBe('/api/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&iss=https%3A%2F%2Fidp');
    expect(redactQuery('/api/clusters?limit=5')).toBe('/api/clusters?limit=5');
    expect(redactQuery('/api/health')).toBe('/api/health');
    expect(redactQuery(undefined)).toBeUndefined();
    expect(redactQueryObject({ code: 'abc', state: 'xyz', limit: '5' })).toEqual({ code: '[redacted]', state: '[redacted]', limit: '5' });
  });

  it('hides the password of a connection URL', () => {
    expect(redactUrl('postgresql://palisade:hunter2@db:5432/palisade')).toBe('postgresql://palisade:***@db:5432/palisade');
  });
});
