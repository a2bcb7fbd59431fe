import { Inject, Injectable } from '@nestjs/common';
import type { User } from '@palisade/prisma-client';
import type { SessionInfo, SignedIn } from '@palisade/api-contract';
import { ApiError } from '../common/api-error';
import { CLOCK, Clock } from '../common/clock';
import type { Tx } from '../database/prisma';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from './audit/audit.service';
import { LoginThrottle, TooManyAttempts } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { hashSecret, newSecret, sameSecret } from './secret-tokens';
import { SessionsRepository } from './sessions.repository';
import { SignInOriginsRepository } from './sign-in-origins.repository';
import { UsersRepository, toUserItem } from './users/users.repository';

/** A new session: the cookie's secret (never stored) and what the answer carries. */
export interface NewSession extends SignedIn {
  readonly token: string;
}

/** The throttle's key for setup attempts (no username yet: one key per address and overall). */
const SETUP_KEY = '(setup)';
/** A user id no user has (the decoy of the known-origin lookup). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export interface RequestOrigin {
  /** The client's address (X-Forwarded-For from trusted proxies). */
  readonly address: string;
  readonly requestId: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly origins: SignInOriginsRepository,
    private readonly audit: AuditService,
  ) {}

  async sessionInfo(principal: Principal | undefined): Promise<SessionInfo> {
    const methods = { local: true as const, oidc: this.config.auth.oidc ? { label: this.config.auth.oidc.label } : null };
    if (!principal) return { authenticated: false, setupRequired: !(await this.users.adminExists()), methods };
    const user = principal.kind === 'user' ? await this.users.get(principal.id) : null;
    return {
      authenticated: true,
      user: user ? toUserItem(user) : null,
      token: principal.kind === 'token' ? { id: principal.id, name: principal.name } : null,
      role: principal.role,
      methods,
    };
  }

  /**
   * Local sign-in. Unknown user, wrong password, disabled or OIDC-only account: one answer
   * (nothing tells which usernames exist), counted against the throttle.
   */
  async login(username: string, password: string, origin: RequestOrigin): Promise<NewSession> {
    const user = await this.users.byUsername(username);
    // Asked for unknown users too, so the answer takes as long whether the username exists or not.
    const knownOrigin = (await this.origins.known(user?.id ?? NO_USER, origin.address)) && user !== null;
    await this.throttled(username, origin, knownOrigin);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.failed(username, origin.address, knownOrigin);
      await this.audit.record({ kind: 'anonymous', name: username }, 'auth.login-failed', `username:${username}`, { address: origin.address }, origin.requestId);
      throw new ApiError('invalid-credentials', 'wrong username or password');
    }
    await this.throttle.succeeded(username, origin.address);
    await this.origins.remember(user.id, origin.address, this.clock.now());
    const session = await this.startSession(user);
    await this.audit.record({ kind: 'user', id: user.id, name: user.username }, 'auth.login', `user:${user.id}`, { method: 'password', address: origin.address }, origin.requestId);
    return session;
  }

  /**
   * The first admin, with the setup token printed at first start. Everything cheap is checked
   * before the password is hashed (argon2 is deliberately costly): the throttle, whether an
   * admin exists, the token (constant time) and the username. Every refusal counts against the
   * throttle, so nobody can make the server hash passwords for free.
   */
  async setup(body: { setupToken: string; username: string; password: string; name?: string | undefined }, origin: RequestOrigin): Promise<NewSession> {
    await this.throttled(SETUP_KEY, origin);
    const refused = async (code: 'already-set-up' | 'invalid-setup-token' | 'username-taken'): Promise<never> => {
      await this.throttle.failed(SETUP_KEY, origin.address);
      switch (code) {
        case 'already-set-up':
          throw new ApiError('already-set-up', 'an admin exists already: sign in');
        case 'invalid-setup-token':
          throw new ApiError('invalid-setup-token', 'the setup token is not the one printed at start (only the latest one printed works)');
        case 'username-taken':
          throw new ApiError('username-taken', `the username ${body.username} is taken`);
      }
    };
    const before = await this.setupRefusal(body);
    if (before) return refused(before);
    const passwordHash = await this.hasher.hash(body.password);
    // Checked again in the transaction: another setup may have finished meanwhile.
    const user = await this.sessions.transaction(async (tx) => {
      const refusal = await this.setupRefusal(body, tx);
      if (refusal) return refusal;
      await this.sessions.clearSetupToken(tx);
      return this.users.create({ username: body.username, name: body.name ?? null, role: 'admin', passwordHash }, tx);
    });
    if (typeof user === 'string') return refused(user);
    await this.audit.record({ kind: 'system', name: 'setup' }, 'user.created', `user:${user.id}`, { username: user.username, role: 'admin', via: 'setup token' }, origin.requestId);
    return this.startSession(user);
  }

  private async setupRefusal(body: { setupToken: string; username: string }, tx?: Tx): Promise<'already-set-up' | 'invalid-setup-token' | 'username-taken' | undefined> {
    if (await this.users.adminExists(tx)) return 'already-set-up';
    const stored = await this.sessions.setupTokenHash(tx);
    if (!stored || !sameSecret(stored, hashSecret(body.setupToken))) {
      // A setup finishing meanwhile clears the token: then the truthful answer is that an admin exists.
      return (await this.users.adminExists(tx)) ? 'already-set-up' : 'invalid-setup-token';
    }
    if (await this.users.byUsername(body.username, tx)) return 'username-taken';
    return undefined;
  }

  async logout(principal: Principal, requestId: string | null): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.sessions.remove(principal.sessionId);
    await this.audit.record(principal, 'auth.logout', `user:${principal.id}`, {}, requestId);
  }

  /**
   * A signed-in local user changes their own password: the current one is checked (and
   * throttled like a sign-in), every other session of theirs ends.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, origin: RequestOrigin): Promise<void> {
    if (principal.kind !== 'user') throw new ApiError('invalid-request', 'an API token has no password: sign in as the user to change theirs');
    // A signed-in user is where they sign in: strangers' failures at their username do not block them.
    await this.throttled(principal.name, origin, true);
    const user = await this.users.get(principal.id);
    if (!user?.passwordHash) throw new ApiError('invalid-request', 'this account signs in through single sign-on: change the password at the identity provider');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.throttle.failed(principal.name, origin.address, true);
      throw new ApiError('invalid-credentials', 'the current password is wrong');
    }
    await this.users.updatePassword(user.id, await this.hasher.hash(newPassword));
    await this.sessions.removeOthers(user.id, principal.sessionId);
    await this.audit.record(principal, 'user.password-changed', `user:${user.id}`, {}, origin.requestId);
  }

  /** A session for a user who proved who they are (password or OIDC). */
  async startSession(user: User): Promise<NewSession> {
    const now = this.clock.now();
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlMs);
    await this.sessions.create({ tokenHash: hashSecret(token), userId: user.id, csrfToken, expiresAt });
    await this.users.touchSignIn(user.id, now);
    return { token, csrfToken, expiresAt: expiresAt.toISOString(), user: toUserItem({ ...user, lastSignInAt: now }) };
  }

  private async throttled(key: string, origin: RequestOrigin, knownOrigin = false): Promise<void> {
    try {
      await this.throttle.check(key, origin.address, knownOrigin);
    } catch (error) {
      if (!(error instanceof TooManyAttempts)) throw error;
      throw new ApiError('too-many-attempts', `too many failed attempts: try again in ${error.retryAfterSeconds} s`, { retryAfterSeconds: error.retryAfterSeconds });
    }
  }
}
