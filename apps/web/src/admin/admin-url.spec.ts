import { isCanonical } from '../alerts/alerts-url';
import { auditHref, pagedHref, parseAuditQuery } from './admin-url';

describe('the audit log URL', () => {
  it('reads the action filter and the page', () => {
    expect(parseAuditQuery({ action: 'user.created', offset: '50' })).toEqual({
      action: 'user.created',
      offset: 50,
    });
    expect(parseAuditQuery({ action: ' auth.login-failed ' })).toEqual({
      action: 'auth.login-failed',
      offset: 0,
    });
  });

  it('ignores an action that is not dotted words, and an offset off the page grid', () => {
    expect(parseAuditQuery({ action: '<script>', offset: '7' })).toEqual({ offset: 0 });
    expect(parseAuditQuery({ action: '' })).toEqual({ offset: 0 });
  });

  it('writes the shortest URL, which is canonical', () => {
    expect(auditHref({ offset: 0 })).toBe('/admin/audit');
    expect(auditHref({ action: 'token.created', offset: 100 })).toBe(
      '/admin/audit?action=token.created&offset=100',
    );
    expect(
      isCanonical(
        { action: 'token.created', offset: '0' },
        auditHref({ action: 'token.created', offset: 0 }),
      ),
    ).toBe(false);
    expect(
      isCanonical({ action: 'token.created' }, auditHref({ action: 'token.created', offset: 0 })),
    ).toBe(true);
  });

  it('pages the users and tokens lists', () => {
    expect(pagedHref('/admin/users', 0)).toBe('/admin/users');
    expect(pagedHref('/admin/tokens', 50)).toBe('/admin/tokens?offset=50');
  });
});
