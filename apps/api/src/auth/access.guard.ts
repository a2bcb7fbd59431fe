import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER } from '@palisade/api-contract';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { ACCESS_METADATA, AccessLevel } from './access.decorator';
import type { AuthenticatedRequest } from './authenticated-request';
import { Authenticator } from './authenticator';
import { roleAllows } from './principal';
import { sameSecret } from './secret-tokens';

/** Methods that change nothing: no CSRF token needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every REST route (registered as APP_GUARD). A route without an @Access level
 * is refused: closed until someone decides who may call it. Requests made with the session
 * cookie must echo the session's CSRF token in X-CSRF-Token unless they only read; requests with
 * an API token need none (a browser never adds a bearer header by itself).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // socket.io authenticates in its handshake (LiveGateway)
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (level === undefined) {
      this.logger.error({ msg: 'route has no access level; refused', route: `${request.method} ${request.route?.path ?? request.path}` });
      throw new ApiError('forbidden', 'this route is not open to anyone yet');
    }

    const authentication = await this.authenticator.authenticate({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
    });
    if (level === 'public') {
      if (authentication.kind === 'authenticated') request.principal = authentication.principal;
      return true;
    }
    if (authentication.kind === 'anonymous') {
      throw new ApiError('unauthenticated', 'sign in, or send an API token as Authorization: Bearer <token>');
    }
    if (authentication.kind === 'refused') throw new ApiError('unauthenticated', authentication.reason);

    const { principal } = authentication;
    if (principal.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
        throw new ApiError('csrf-failed', `a change made with the session cookie needs the ${CSRF_HEADER} header (the palisade_csrf cookie's value)`);
      }
    }
    if (!roleAllows(principal.role, level)) {
      throw new ApiError('forbidden', `this needs the ${level} role; ${principal.name} has the ${principal.role} role`);
    }
    request.principal = principal;
    return true;
  }
}
