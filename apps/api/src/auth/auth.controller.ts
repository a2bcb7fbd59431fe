import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignedIn } from '@palisade/api-contract';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { crossSiteRefusal } from '../common/browser-origin';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Access } from './access.decorator';
import { AuthService, NewSession, RequestOrigin } from './auth.service';
import { CurrentPrincipal, OptionalPrincipal } from './current-principal.decorator';
import { ChangePasswordDto, LoginBodyDto, SetupBodyDto } from './dto/auth-body.dto';
import type { Principal } from './principal';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

@ApiTags('access')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('session')
  @Access('public')
  @ApiOperation({ summary: 'Who is signed in (or that nobody is, whether setup is needed, and the sign-in methods)' })
  session(@OptionalPrincipal() principal: Principal | undefined) {
    return this.auth.sessionInfo(principal);
  }

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Sign in with a local account: sets the session and CSRF cookies; throttled after repeated failures (429 + Retry-After)' })
  async login(@Body() body: LoginBodyDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    this.refuseCrossSite(request);
    return this.signedIn(response, await this.auth.login(body.username, body.password, originOf(request)));
  }

  @Post('setup')
  @Access('public')
  @ApiOperation({ summary: 'Create the first admin with the one-time setup token printed at first start' })
  async setup(@Body() body: SetupBodyDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    this.refuseCrossSite(request);
    return this.signedIn(response, await this.auth.setup(body, originOf(request)));
  }

  @Post('logout')
  @HttpCode(204)
  @Access('viewer')
  @ApiOperation({ summary: 'Sign out: ends the session and clears the cookies' })
  async logout(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(principal, requestIdOf(request));
    clearSessionCookies(response, this.config.auth.secureCookies);
  }

  @Post('password')
  @HttpCode(204)
  @Access('viewer')
  @ApiOperation({ summary: 'Change your own password (local accounts): needs the current one; your other sessions end' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<void> {
    return this.auth.changePassword(principal, body.currentPassword, body.newPassword, originOf(request));
  }

  /** Login CSRF: a hostile page must not sign its visitor in to an account of the attacker's. */
  private refuseCrossSite(request: Request): void {
    const refusal = crossSiteRefusal(request, [...this.config.http.corsOrigins, this.config.alerts.publicUrl]);
    if (refusal) throw new ApiError('cross-site-request', refusal);
  }

  private signedIn(response: Response, session: NewSession): SignedIn {
    setSessionCookies(response, { token: session.token, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt) }, this.config.auth.secureCookies);
    return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }
}

export function originOf(request: Request): RequestOrigin {
  return { address: request.ip ?? request.socket.remoteAddress ?? 'unknown', requestId: requestIdOf(request) };
}

function requestIdOf(request: Request): string | null {
  const id = (request as Request & { id?: string | number }).id;
  return id === undefined ? null : String(id);
}
