import { formOf } from '../testing/auth-fixtures';
import { newTokenBodyOf, newUserBodyOf, userChangeOf } from './admin-bodies';

describe('newUserBodyOf', () => {
  it('builds the body, leaving out empty optional fields', () => {
    expect(
      newUserBodyOf(
        formOf({
          username: ' vera ',
          password: 'a long password',
          role: 'viewer',
          name: '',
          email: '',
        }),
      ),
    ).toEqual({
      ok: true,
      body: { username: 'vera', password: 'a long password', role: 'viewer' },
    });
    expect(
      newUserBodyOf(
        formOf({
          username: 'vera',
          password: 'a long password',
          role: 'operator',
          name: 'Vera',
          email: 'v@example.com',
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        username: 'vera',
        password: 'a long password',
        role: 'operator',
        name: 'Vera',
        email: 'v@example.com',
      },
    });
  });

  it('keeps the password as typed (spaces are part of it)', () => {
    const built = newUserBodyOf(
      formOf({ username: 'v', password: '  spaced pass  ', role: 'viewer' }),
    );
    expect(built.ok && built.body.password).toBe('  spaced pass  ');
  });

  it('names every field that cannot work', () => {
    expect(newUserBodyOf(formOf({ username: '', password: 'short', role: 'root' }))).toEqual({
      ok: false,
      errors: [
        { field: 'username', message: 'Enter a username.' },
        { field: 'password', message: 'At least 12 characters.' },
        { field: 'role', message: 'Choose a role.' },
      ],
    });
  });
});

describe('userChangeOf', () => {
  it('reads which button was pressed', () => {
    expect(userChangeOf(formOf({ intent: 'role', role: 'admin' }))).toEqual({
      kind: 'update',
      body: { role: 'admin' },
    });
    expect(userChangeOf(formOf({ intent: 'disable', role: 'admin' }))).toEqual({
      kind: 'update',
      body: { disabled: true },
    });
    expect(userChangeOf(formOf({ intent: 'enable' }))).toEqual({
      kind: 'update',
      body: { disabled: false },
    });
    expect(userChangeOf(formOf({ intent: 'delete' }))).toEqual({ kind: 'delete' });
  });

  it('refuses an unknown role or button', () => {
    expect(userChangeOf(formOf({ intent: 'role', role: 'root' }))).toBeUndefined();
    expect(userChangeOf(formOf({ intent: 'promote' }))).toBeUndefined();
  });
});

describe('newTokenBodyOf', () => {
  it('builds the body with or without an expiry', () => {
    expect(newTokenBodyOf(formOf({ name: 'ci', role: 'viewer', expiresInDays: '90' }))).toEqual({
      ok: true,
      body: { name: 'ci', role: 'viewer', expiresInDays: 90 },
    });
    expect(newTokenBodyOf(formOf({ name: 'ci', role: 'admin', expiresInDays: '' }))).toEqual({
      ok: true,
      body: { name: 'ci', role: 'admin' },
    });
  });

  it.each(['0', '3651', '1.5', 'soon'])('refuses %s days', (days) => {
    expect(
      newTokenBodyOf(formOf({ name: 'ci', role: 'viewer', expiresInDays: days })),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'expiresInDays' }],
    });
  });
});
