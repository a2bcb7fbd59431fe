import { actorText, detailsText } from './audit-table';
import { tokenState } from './tokens-table';

describe('the audit log rows', () => {
  it('says who acted: a user, a token, or the system and for what', () => {
    const action = 'user.created';
    expect(actorText({ action, actor: { kind: 'user', id: 'u1', name: 'olga' } })).toBe(
      'User olga',
    );
    expect(actorText({ action, actor: { kind: 'token', id: 't1', name: 'ci' } })).toBe(
      'API token ci',
    );
    expect(actorText({ action, actor: { kind: 'system', id: null, name: 'bootstrap' } })).toBe(
      'System (bootstrap)',
    );
  });

  it('names a failed sign-in after the username that was tried', () => {
    expect(
      actorText({ action: 'auth.login-failed', actor: { kind: 'system', id: null, name: 'olga' } }),
    ).toBe('Someone signing in as olga');
  });

  it('shows the recorded fields, nothing when there are none', () => {
    expect(detailsText({})).toBe('');
    expect(detailsText({ username: 'vera', password: '[redacted]' })).toBe(
      '{\n  "username": "vera",\n  "password": "[redacted]"\n}',
    );
  });
});

describe('tokenState', () => {
  const now = new Date('2026-06-01T00:00:00.000Z');

  it('is active until it expires or is revoked', () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toMatchObject({
      label: 'Active',
      usable: true,
    });
    expect(tokenState({ revokedAt: null, expiresAt: '2026-06-02T00:00:00.000Z' }, now).usable).toBe(
      true,
    );
    expect(
      tokenState({ revokedAt: null, expiresAt: '2026-06-01T00:00:00.000Z' }, now),
    ).toMatchObject({
      label: 'Expired',
      usable: false,
    });
    expect(
      tokenState(
        { revokedAt: '2026-05-01T00:00:00.000Z', expiresAt: '2026-06-02T00:00:00.000Z' },
        now,
      ),
    ).toMatchObject({ label: 'Revoked', usable: false });
  });
});
