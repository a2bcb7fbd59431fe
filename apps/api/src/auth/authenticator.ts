import { Inject, Injectable } from '@nestjs/common';
import { SESSION_COOKIE, type Role } from '@palisade/api-contract';
import { parse as parseCookies } from 'cookie';
import { CLOCK, Clock } from '../common/clock';
import { lesserRole, type Principal } from './principal';
import { hashSecret } from './secret-tokens';
import { SessionsRepository } from './sessions.repository';
import { TokensRepository } from './tokens/tokens.repository';

/** What a request's credentials come to. */
export type Authentication =
  | { readonly kind: 'anonymous' }
  /** Credentials were sent but do not hold: say why (expired, revoked, disabled). */
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'authenticated'; readonly principal: Principal };

export interface Credentials {
  readonly authorization?: string | undefined;
  readonly cookie?: string | undefined;
  /** socket.io clients may hand the API token in `auth.token` instead of a header. */
  readonly token?: string | undefined;
}

/** lastSeenAt/lastUsedAt are written at most this often per session or token. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Turns a request's credentials into a principal: `Authorization: Bearer <API token>` first,
 * else the session cookie. The role is read on every request, so a role change or a disabled
 * account applies at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokensRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(credentials: Credentials): Promise<Authentication> {
    const bearer = bearerOf(credentials.authorization) ?? credentials.token;
    if (bearer !== undefined) return this.byToken(bearer);
    const session = credentials.cookie ? parseCookies(credentials.cookie)[SESSION_COOKIE] : undefined;
    if (session) return this.bySession(session);
    return { kind: 'anonymous' };
  }

  private async byToken(secret: string): Promise<Authentication> {
    const token = await this.tokens.byHash(hashSecret(secret));
    const now = this.clock.now();
    if (!token) return { kind: 'refused', reason: 'the API token is not valid' };
    if (token.revokedAt) return { kind: 'refused', reason: 'the API token was revoked' };
    if (token.expiresAt && token.expiresAt <= now) return { kind: 'refused', reason: 'the API token expired' };
    // A token acts for its owner: never beyond their role, and not at all once they are disabled
    // (deleting the owner deletes the token).
    if (token.owner?.disabledAt) return { kind: 'refused', reason: 'the API token\'s owner is disabled' };
    const role = token.owner ? lesserRole(token.role as Role, token.owner.role as Role) : (token.role as Role);
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) void this.tokens.touch(token.id, now).catch(() => undefined);
    return { kind: 'authenticated', principal: { kind: 'token', id: token.id, name: token.name, role, ownerId: token.ownerId } };
  }

  private async bySession(secret: string): Promise<Authentication> {
    const session = await this.sessions.byTokenHash(hashSecret(secret));
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return { kind: 'refused', reason: 'the session expired or was signed out: sign in again' };
    if (session.user.disabledAt) return { kind: 'refused', reason: 'this account is disabled' };
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) void this.sessions.touch(session.id, now).catch(() => undefined);
    const { user } = session;
    return {
      kind: 'authenticated',
      principal: { kind: 'user', id: user.id, name: user.username, role: user.role as Role, sessionId: session.id, csrfToken: session.csrfToken },
    };
  }
}

function bearerOf(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
