import { Inject, Injectable, Logger } from '@nestjs/common';
import type { User } from '@palisade/prisma-client';
import * as client from 'openid-client';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, AppConfig, OidcConfig } from '../../config/app-config';
import { SECRET_BOX } from '../../secrets/secret-key.provider';
import { SecretBox } from '../../secrets/secret-box';
import { AuditService } from '../audit/audit.service';
import { AuthService, NewSession, RequestOrigin } from '../auth.service';
import { UsersRepository } from '../users/users.repository';
import { roleFromClaims, safeReturnTo } from './oidc-roles';
import { createHash } from 'node:crypto';

/** What the browser carries between the redirect to the provider and the callback (sealed). */
interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly expiresAt: number;
}

/** The provider has ten minutes to send the user back. */
const PENDING_MS = 10 * 60_000;

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) through
 * openid-client. The provider's metadata is discovered on first use and again after a failure.
 * Users are matched by (issuer, subject); their role comes from the groups claim at every sign-in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered?: Promise<client.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** The provider's address to send the browser to, and the sealed state for the cookie. */
  async begin(returnTo: string | undefined): Promise<{ url: string; pending: string }> {
    const oidc = this.settings();
    const provider = await this.provider(oidc);
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: Date.now() + PENDING_MS,
    };
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: oidc.redirectUrl,
      scope: oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending: this.box.seal(pending) };
  }

  /**
   * The provider sent the browser back: exchange the code, check the ID token (signature,
   * issuer, audience, nonce), find or create the user, start a session.
   */
  async complete(query: string, sealedPending: string | undefined, origin: RequestOrigin): Promise<{ session: NewSession; returnTo: string }> {
    const oidc = this.settings();
    const pending = this.openPending(sealedPending);
    const provider = await this.provider(oidc);
    const callbackUrl = new URL(oidc.redirectUrl);
    callbackUrl.search = query;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Groups and profile often come only from the userinfo endpoint.
      if (tokens.access_token && !(oidc.groupsClaim in claims)) {
        const info = await client.fetchUserInfo(provider, tokens.access_token, String(claims['sub'])).catch(() => undefined);
        if (info) claims = { ...info, ...claims, [oidc.groupsClaim]: info[oidc.groupsClaim] };
      }
    } catch (error) {
      this.logger.warn({ msg: 'OIDC sign-in failed', error: describe(error) });
      throw new ApiError('invalid-credentials', `single sign-on failed: ${describe(error)}`);
    }
    const issuer = provider.serverMetadata().issuer;
    const subject = String(claims['sub'] ?? '');
    const role = roleFromClaims(oidc, claims);
    if (role === 'none') {
      await this.audit.record({ kind: 'anonymous', name: nameOf(claims) }, 'auth.login-failed', `oidc-subject:${subject}`, { method: 'oidc', reason: 'no role', address: origin.address }, origin.requestId);
      throw new ApiError('forbidden', 'your account has no Palisade role: ask an admin to add you to one of the configured groups');
    }
    const user = await this.upsertUser(issuer, subject, role, claims);
    if (user.disabledAt) throw new ApiError('forbidden', 'this account is disabled');
    const session = await this.auth.startSession(user);
    await this.audit.record({ kind: 'user', id: user.id, name: user.username }, 'auth.login', `user:${user.id}`, { method: 'oidc', role, address: origin.address }, origin.requestId);
    return { session, returnTo: pending.returnTo };
  }

  private async upsertUser(issuer: string, subject: string, role: 'viewer' | 'operator' | 'admin', claims: Record<string, unknown>): Promise<User> {
    const profile = { name: stringClaim(claims, 'name'), email: stringClaim(claims, 'email') };
    const existing = await this.users.byOidcIdentity(issuer, subject);
    if (existing) return this.users.updateOidcProfile(existing.id, { role, ...profile });
    let username = nameOf(claims);
    if (await this.users.byUsername(username)) username = `${username}-${createHash('sha256').update(`${issuer} ${subject}`).digest('hex').slice(0, 6)}`;
    const user = await this.users.createUnique({ username, role, ...profile, oidcIssuer: issuer, oidcSubject: subject });
    // The same person signing in twice at once: the other sign-in created the account.
    if (user === 'username-taken') {
      const created = await this.users.byOidcIdentity(issuer, subject);
      if (created) return created;
      throw new ApiError('invalid-credentials', 'single sign-on failed: the account could not be created; try again');
    }
    await this.audit.record({ kind: 'system', name: 'oidc' }, 'user.created', `user:${user.id}`, { username, role, via: 'single sign-on', issuer });
    return user;
  }

  private settings(): OidcConfig {
    const oidc = this.config.auth.oidc;
    if (!oidc) throw new ApiError('oidc-not-configured', 'single sign-on is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID)');
    return oidc;
  }

  private provider(oidc: OidcConfig): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        new URL(oidc.issuerUrl),
        oidc.clientId,
        { redirect_uris: [oidc.redirectUrl], response_types: ['code'] },
        oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
        // An http:// issuer is the operator's explicit choice (a provider inside the cluster).
        { timeout: 10, ...(oidc.issuerUrl.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {}) },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.error({ msg: 'the OIDC provider could not be discovered', issuer: oidc.issuerUrl, error: describe(error) });
        throw new ApiError('oidc-unavailable', `the identity provider does not answer (${describe(error)}); try again later`);
      });
    return this.discovered;
  }

  private openPending(sealed: string | undefined): PendingSignIn {
    if (!sealed) throw new ApiError('invalid-credentials', 'the sign-in started elsewhere or took too long: start again');
    try {
      const pending = this.box.open<PendingSignIn>(sealed);
      if (pending.expiresAt > Date.now()) return pending;
    } catch {
      // tampered with, or sealed with another key
    }
    throw new ApiError('invalid-credentials', 'the sign-in started elsewhere or took too long: start again');
  }
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 200) : null;
}

/** The username an OIDC user gets: preferred_username, else email, else the subject. */
function nameOf(claims: Record<string, unknown>): string {
  return (stringClaim(claims, 'preferred_username') ?? stringClaim(claims, 'email') ?? `oidc-${String(claims['sub'] ?? 'unknown')}`).slice(0, 64);
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown; error?: unknown } }).cause;
    const detail = typeof cause?.error === 'string' ? cause.error : typeof cause?.code === 'string' ? cause.code : undefined;
    return detail ? `${error.message} (${detail})` : error.message;
  }
  return String(error);
}
