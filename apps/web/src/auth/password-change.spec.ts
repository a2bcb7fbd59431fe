import { formOf } from '../testing/auth-fixtures';
import { passwordChangeError, passwordChangeOf } from './password-change';

describe('passwordChangeOf', () => {
  it('sends the current and the new password as typed, never the confirmation', () => {
    expect(
      passwordChangeOf(
        formOf({
          currentPassword: ' old one ',
          newPassword: 'correct horse battery',
          confirm: 'correct horse battery',
        }),
      ),
    ).toEqual({
      ok: true,
      body: { currentPassword: ' old one ', newPassword: 'correct horse battery' },
    });
  });

  it('wants the current password, 12 characters and the new one typed the same twice', () => {
    const built = passwordChangeOf(formOf({ newPassword: 'short', confirm: 'shorT' }));
    expect(built).toEqual({
      ok: false,
      errors: [
        { field: 'currentPassword', message: 'Enter your current password.' },
        { field: 'newPassword', message: 'At least 12 characters.' },
        { field: 'confirm', message: 'The two passwords are not the same.' },
      ],
    });
  });
});

describe('passwordChangeError', () => {
  it('points at the current password when the API says it is wrong', () => {
    expect(
      passwordChangeError({
        code: 'invalid-credentials',
        message: 'the current password is wrong',
      }),
    ).toEqual({
      message: 'The current password is wrong.',
      fields: [{ field: 'currentPassword', message: 'Not your current password.' }],
    });
  });

  it('says when to try again, or to wait when the API did not say', () => {
    expect(
      passwordChangeError({ code: 'too-many-attempts', message: 'x', retryAfterSeconds: 1 })
        .message,
    ).toBe('Too many password attempts: try again in 1 second.');
    expect(passwordChangeError({ code: 'too-many-attempts', message: 'x' }).message).toBe(
      'Too many password attempts: wait a moment, then try again.',
    );
  });

  it("keeps the API's field errors, or passes its reason on as a sentence", () => {
    const fields = [{ field: 'newPassword', message: 'a password has at least 12 characters' }];
    expect(passwordChangeError({ code: 'invalid-request', message: 'bad', fields })).toEqual({
      message: 'Check the highlighted fields.',
      fields,
    });
    expect(
      passwordChangeError({
        code: 'invalid-request',
        message: 'an API token has no password: sign in as the user to change theirs',
      }),
    ).toEqual({
      message: 'An API token has no password: sign in as the user to change theirs.',
      fields: [],
    });
  });
});
