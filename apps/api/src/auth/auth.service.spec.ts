import { ApiError } from '../common/api-error';
import { loadConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { hashSecret } from './secret-tokens';

/**
 * Setup of the first admin: every cheap check comes before the costly password hash, and every
 * refusal counts against the throttle (nobody may make the server hash passwords for free).
 */
function setupService(state: { adminExists: boolean; setupToken: string | null; takenUsernames?: readonly string[] }) {
  const config = loadConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_BLOCK: '1m' });
  const hashed: string[] = [];
  const users = {
    adminExists: async () => state.adminExists,
    byUsername: async (name: string) => (state.takenUsernames?.includes(name) ? { id: 'u', username: name } : null),
    create: async (data: { username: string }) => ({ id: 'new-admin', username: data.username, name: null, email: null, role: 'admin', passwordHash: 'h', oidcIssuer: null, oidcSubject: null, disabledAt: null, createdAt: new Date(), lastSignInAt: null }),
    touchSignIn: async () => undefined,
  };
  const sessions = {
    setupTokenHash: async () => (state.setupToken ? hashSecret(state.setupToken) : null),
    clearSetupToken: async () => undefined,
    transaction: async <T>(work: (tx: unknown) => Promise<T>) => work({}),
    create: async () => undefined,
  };
  const hasher = { hash: async (password: string) => (hashed.push(password), `hash-of-${password}`), verify: async () => false };
  const audit = { record: async () => undefined };
  const origins = { known: async () => false, remember: async () => undefined };
  const throttle = new LoginThrottle(config);
  const service = new AuthService(config, { now: () => new Date('2026-12-01T00:00:00Z') }, users as never, sessions as never, hasher as never, throttle, origins as never, audit as never);
  return { service, hashed };
}

const origin = { address: '203.0.113.9', requestId: null };
const body = { setupToken: 'the-printed-setup-token', username: 'first', password: 'a password long enough' };
const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'created', (e: unknown) => (e instanceof ApiError ? e.code : String(e)));

describe('AuthService.setup', () => {
  it('hashes no password for a wrong token, an existing admin or a taken username', async () => {
    const cases = [
      [{ adminExists: false, setupToken: 'another-token' }, 'invalid-setup-token'],
      [{ adminExists: false, setupToken: null }, 'invalid-setup-token'],
      [{ adminExists: true, setupToken: 'the-printed-setup-token' }, 'already-set-up'],
      [{ adminExists: false, setupToken: 'the-printed-setup-token', takenUsernames: ['first'] }, 'username-taken'],
    ] as const;
    for (const [state, code] of cases) {
      const { service, hashed } = setupService(state);
      expect(await codeOf(service.setup(body, origin))).toBe(code);
      expect(hashed).toEqual([]);
    }
  });

  it('counts every refusal: the fourth attempt is throttled before anything is looked at', async () => {
    const { service } = setupService({ adminExists: true, setupToken: null });
    for (let i = 0; i < 3; i++) expect(await codeOf(service.setup(body, origin))).toBe('already-set-up');
    expect(await codeOf(service.setup(body, origin))).toBe('too-many-attempts');
  });

  it('hashes the password once everything else holds, and creates the admin', async () => {
    const { service, hashed } = setupService({ adminExists: false, setupToken: 'the-printed-setup-token' });
    expect(await codeOf(service.setup(body, origin))).toBe('created');
    expect(hashed).toEqual([body.password]);
  });
});
