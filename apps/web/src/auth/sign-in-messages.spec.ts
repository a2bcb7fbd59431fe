import { passwordProblems, secondsText, setupError, signInError } from './sign-in-messages';

describe('signInError', () => {
  it('says the credentials are wrong without telling which', () => {
    expect(signInError({ code: 'invalid-credentials', message: 'invalid credentials' })).toBe(
      'Wrong username or password.',
    );
  });

  it('says when to try again after too many attempts', () => {
    expect(
      signInError({ code: 'too-many-attempts', message: 'slow down', retryAfterSeconds: 42 }),
    ).toBe('Too many sign-in attempts: try again in 42 seconds.');
    expect(signInError({ code: 'too-many-attempts', message: 'x', retryAfterSeconds: 1 })).toBe(
      'Too many sign-in attempts: try again in 1 second.',
    );
    expect(signInError({ code: 'too-many-attempts', message: 'x' })).toMatch(/wait a moment/);
  });

  it("passes any other refusal on in the API's words", () => {
    expect(signInError({ message: 'The Palisade API could not be reached (ECONNREFUSED).' })).toBe(
      'The Palisade API could not be reached (ECONNREFUSED).',
    );
  });
});

describe('setupError', () => {
  it('points at the setup token field when the token is wrong', () => {
    const { message, fields } = setupError({ code: 'invalid-setup-token', message: 'no' });
    expect(message).toMatch(/setup token/);
    expect(fields.map((f) => f.field)).toEqual(['setupToken']);
  });

  it('sends to sign in when an admin exists already', () => {
    expect(setupError({ code: 'already-set-up', message: 'x' }).message).toMatch(/sign in/);
  });

  it("keeps the API's field errors of a 400", () => {
    const fields = [{ field: 'username', message: 'too short' }];
    expect(setupError({ code: 'validation', message: 'bad', fields })).toEqual({
      message: 'bad',
      fields,
    });
  });
});

describe('passwordProblems', () => {
  it('wants 12 characters and the same password twice', () => {
    expect(passwordProblems('correct horse battery', 'correct horse battery')).toEqual([]);
    expect(passwordProblems('short', 'short').map((p) => p.field)).toEqual(['password']);
    expect(passwordProblems('long enough pass', 'long enough pasS').map((p) => p.field)).toEqual([
      'confirm',
    ]);
  });

  it("names the form's own password field", () => {
    expect(passwordProblems('short', 'short', 'newPassword')).toEqual([
      { field: 'newPassword', message: 'At least 12 characters.' },
    ]);
  });
});

describe('secondsText', () => {
  it('rounds up and never says 0 seconds', () => {
    expect(secondsText(0.2)).toBe('1 second');
    expect(secondsText(59.1)).toBe('60 seconds');
  });
});
