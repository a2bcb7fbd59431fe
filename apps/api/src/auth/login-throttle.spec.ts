import { loadConfig } from '../config/app-config';
import { LoginThrottle, TooManyAttempts } from './login-throttle';

const throttle = () => new LoginThrottle(loadConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_BLOCK: '2s' }));

async function refusal(t: LoginThrottle, username: string, address: string): Promise<TooManyAttempts | undefined> {
  try {
    await t.check(username, address);
    return undefined;
  } catch (error) {
    if (error instanceof TooManyAttempts) return error;
    throw error;
  }
}

describe('LoginThrottle', () => {
  it('blocks a username at an address after LOGIN_MAX_FAILURES failures, for LOGIN_BLOCK', async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.failed('alice', '10.0.0.1');
    expect(await refusal(t, 'alice', '10.0.0.1')).toBeUndefined();
    await t.failed('alice', '10.0.0.1');
    const blocked = await refusal(t, 'alice', '10.0.0.1');
    expect(blocked?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(blocked?.retryAfterSeconds).toBeLessThanOrEqual(2);
    // Someone else at that address, and alice elsewhere, may still try.
    expect(await refusal(t, 'bob', '10.0.0.1')).toBeUndefined();
    expect(await refusal(t, 'alice', '10.0.0.2')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 2100));
    expect(await refusal(t, 'alice', '10.0.0.1')).toBeUndefined();
  });

  it('forgets the failures of a username at an address once it signs in', async () => {
    const t = throttle();
    await t.failed('alice', '10.0.0.1');
    await t.failed('alice', '10.0.0.1');
    await t.succeeded('alice', '10.0.0.1');
    await t.failed('alice', '10.0.0.1');
    expect(await refusal(t, 'alice', '10.0.0.1')).toBeUndefined();
  });

  it('blocks a username tried from many addresses (four times the limit), and an address trying many usernames (ten times)', async () => {
    const t = throttle();
    for (let i = 0; i < 12; i++) await t.failed('alice', `10.0.1.${i}`);
    expect(await refusal(t, 'alice', '10.0.9.9')).toBeInstanceOf(TooManyAttempts);
    for (let i = 0; i < 30; i++) await t.failed(`user${i}`, '10.0.0.7');
    expect(await refusal(t, 'someone-new', '10.0.0.7')).toBeInstanceOf(TooManyAttempts);
    expect(await refusal(t, 'someone-new', '10.0.0.8')).toBeUndefined();
  });
});
