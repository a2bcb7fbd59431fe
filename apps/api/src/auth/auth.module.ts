import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessBootstrap } from './access-bootstrap';
import { AccessGuard } from './access.guard';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { LoginThrottle } from './login-throttle';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { PasswordHasher } from './password-hasher';
import { SecretsModule } from '../secrets/secrets.module';
import { SessionCleanupJob } from './session-cleanup.job';
import { SessionsRepository } from './sessions.repository';
import { TokensController } from './tokens/tokens.controller';
import { TokensRepository } from './tokens/tokens.repository';
import { SignInOriginsRepository } from './sign-in-origins.repository';
import { TokensService } from './tokens/tokens.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/**
 * Access: sign-in (local accounts, OIDC), roles, API tokens, the audit log. Global: every
 * route passes AccessGuard, the live gateway authenticates its handshake with the
 * Authenticator, and features record in the AuditService.
 */
@Global()
@Module({
  imports: [SecretsModule],
  controllers: [AuthController, OidcController, UsersController, TokensController, AuditController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    Authenticator,
    AuthService,
    OidcService,
    AccessBootstrap,
    LoginThrottle,
    PasswordHasher,
    SessionsRepository,
    SessionCleanupJob,
    UsersRepository,
    UsersService,
    TokensRepository,
    SignInOriginsRepository,
    TokensService,
    AuditRepository,
    AuditService,
  ],
  exports: [Authenticator, AuditService],
})
export class AuthModule {}
