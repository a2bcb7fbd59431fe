import { Inject, Injectable } from '@nestjs/common';
import type { ApiTokenItem, CreatedApiToken, Page } from '@palisade/api-contract';
import { ApiError } from '../../common/api-error';
import { CLOCK, Clock } from '../../common/clock';
import { roleAllows, type Principal } from '../principal';
import { hashSecret, newSecret } from '../secret-tokens';
import { CreateTokenDto } from './dto/token-body.dto';
import { toTokenItem, TokensRepository } from './tokens.repository';

export const TOKEN_PREFIX = 'pal_';
const DAY_MS = 86_400_000;

/** How a token is shown in lists: its first characters, enough to tell it apart. */
export const prefixOf = (secret: string) => secret.slice(0, TOKEN_PREFIX.length + 6);

@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: TokensRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(limit: number, offset: number): Promise<Page<ApiTokenItem>> {
    const [tokens, total] = await this.tokens.list(limit, offset);
    return { items: tokens.map(toTokenItem), total };
  }

  /** The secret is in this answer only; the database keeps its SHA-256. */
  async create(body: CreateTokenDto, by: Principal): Promise<CreatedApiToken> {
    if (!roleAllows(by.role, body.role)) throw new ApiError('forbidden', `a token cannot have more rights than whoever makes it (${by.role})`);
    const secret = newSecret(TOKEN_PREFIX);
    const expiresAt = body.expiresInDays === undefined ? null : new Date(this.clock.now().getTime() + body.expiresInDays * DAY_MS);
    const token = await this.tokens.create({ name: body.name, role: body.role, tokenHash: hashSecret(secret), prefix: prefixOf(secret), createdBy: by.name, ownerId: by.kind === 'user' ? by.id : by.ownerId, expiresAt });
    return { ...toTokenItem(token), secret };
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.tokens.revoke(id, this.clock.now()))) throw new ApiError('token-not-found', `no API token with id ${id}`);
  }
}
