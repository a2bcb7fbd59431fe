import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Access } from '../access.decorator';
import { originOf } from '../auth.controller';
import { OidcLoginQuery } from '../dto/auth-body.dto';
import { setSessionCookies } from '../session-cookies';
import { OidcService } from './oidc.service';

/** Holds the sealed state, nonce and PKCE verifier between the two legs of the sign-in. */
const PENDING_COOKIE = 'palisade_oidc';
const PENDING_PATH = '/api/auth/oidc';

/**
 * Browser navigations, not API calls: both answer redirects. A failure goes back to the
 * dashboard's sign-in page with the reason in `error`.
 */
@ApiTags('access')
@Access('public')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @ApiOperation({ summary: 'Start single sign-on: redirects to the identity provider' })
  async login(@Query() query: OidcLoginQuery, @Res() response: Response): Promise<void> {
    try {
      const { url, pending } = await this.oidc.begin(query.returnTo);
      response.cookie(PENDING_COOKIE, pending, { httpOnly: true, sameSite: 'lax', secure: this.config.auth.secureCookies, path: PENDING_PATH, maxAge: 10 * 60_000 });
      response.redirect(302, url);
    } catch (error) {
      this.failed(response, error);
    }
  }

  @Get('callback')
  @ApiOperation({ summary: 'Where the identity provider sends the browser back: starts the session, redirects to the page asked for' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = request.headers.cookie ? parseCookies(request.headers.cookie)[PENDING_COOKIE] : undefined;
    response.clearCookie(PENDING_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.config.auth.secureCookies, path: PENDING_PATH });
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    try {
      const { session, returnTo } = await this.oidc.complete(query, pending, originOf(request));
      setSessionCookies(response, { token: session.token, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt) }, this.config.auth.secureCookies);
      response.redirect(302, returnTo);
    } catch (error) {
      this.failed(response, error);
    }
  }

  private failed(response: Response, error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    response.redirect(302, `/login?${new URLSearchParams({ error: error.message }).toString()}`);
  }
}
