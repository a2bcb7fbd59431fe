import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from './audit/audit.service';
import { PasswordHasher } from './password-hasher';
import { hashSecret, newSecret } from './secret-tokens';
import { SessionsRepository } from './sessions.repository';
import { prefixOf } from './tokens/tokens.service';
import { TokensRepository } from './tokens/tokens.repository';
import { UsersRepository } from './users/users.repository';

/**
 * The first way in, at start: PALISADE_ADMIN_USERNAME/PASSWORD create an admin when none
 * exists; PALISADE_BOOTSTRAP_TOKEN becomes an admin API token (once; revoking it sticks); with
 * neither and no admin, a one-time setup token is printed (the only secret ever logged, and
 * useless once an admin exists).
 */
@Injectable()
export class AccessBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Access');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { initialAdmin, bootstrapToken } = this.config.auth;
    if (bootstrapToken) {
      const created = await this.tokens.ensure({ name: 'bootstrap', role: 'admin', tokenHash: hashSecret(bootstrapToken), prefix: prefixOf(bootstrapToken), createdBy: 'bootstrap' });
      if (created) await this.audit.record({ kind: 'system', name: 'bootstrap' }, 'token.created', `token:${created.id}`, { name: 'bootstrap', role: 'admin', via: 'PALISADE_BOOTSTRAP_TOKEN' });
    }
    if (await this.users.adminExists()) {
      await this.sessions.clearSetupToken();
      return;
    }
    if (initialAdmin) {
      await this.createInitialAdmin(initialAdmin.username, initialAdmin.password);
      return;
    }
    const setupToken = newSecret();
    await this.sessions.setSetupToken(hashSecret(setupToken));
    this.logger.warn(`no admin yet: open ${this.config.alerts.publicUrl}/setup and use the one-time setup token ${setupToken}`);
  }

  private async createInitialAdmin(username: string, password: string): Promise<void> {
    const existing = await this.users.byUsername(username);
    if (existing) {
      this.logger.error({ msg: 'PALISADE_ADMIN_USERNAME names an existing account that is not an enabled admin; no admin was created', username });
      return;
    }
    const user = await this.users.create({ username, role: 'admin', passwordHash: await this.hasher.hash(password) });
    await this.sessions.clearSetupToken();
    await this.audit.record({ kind: 'system', name: 'bootstrap' }, 'user.created', `user:${user.id}`, { username, role: 'admin', via: 'PALISADE_ADMIN_USERNAME' });
    this.logger.log({ msg: 'created the first admin from PALISADE_ADMIN_USERNAME', username });
  }
}
