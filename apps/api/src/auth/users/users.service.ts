import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@palisade/prisma-client';
import type { Page, UserItem } from '@palisade/api-contract';
import { ApiError } from '../../common/api-error';
import { CLOCK, Clock } from '../../common/clock';
import { PasswordHasher } from '../password-hasher';
import type { Principal } from '../principal';
import { SessionsRepository } from '../sessions.repository';
import { TokensRepository } from '../tokens/tokens.repository';
import { CreateUserDto, UpdateUserDto } from './dto/user-body.dto';
import { toUserItem, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokensRepository,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(limit: number, offset: number): Promise<Page<UserItem>> {
    const [users, total] = await this.users.list(limit, offset);
    return { items: users.map(toUserItem), total };
  }

  async get(id: string): Promise<UserItem> {
    const user = await this.users.get(id);
    if (!user) throw notFound(id);
    return toUserItem(user);
  }

  async create(body: CreateUserDto): Promise<UserItem> {
    const taken = () => new ApiError('username-taken', `the username ${body.username} is taken`);
    if (await this.users.byUsername(body.username)) throw taken();
    const passwordHash = await this.hasher.hash(body.password);
    const user = await this.users.createUnique({ username: body.username, role: body.role, name: body.name ?? null, email: body.email ?? null, passwordHash });
    if (user === 'username-taken') throw taken();
    return toUserItem(user);
  }

  /** A password change or a disabled account signs the user out everywhere else. */
  async update(id: string, body: UpdateUserDto, by: Principal): Promise<UserItem> {
    const data: Prisma.UserUpdateInput = {
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.disabled !== undefined ? { disabledAt: body.disabled ? this.clock.now() : null } : {}),
      ...(body.password !== undefined ? { passwordHash: await this.hasher.hash(body.password) } : {}),
    };
    const user = await this.users.updateKeepingAnAdmin(id, data);
    if (user === null) throw notFound(id);
    if (user === 'last-admin') throw lastAdmin();
    if (body.password !== undefined) await this.sessions.removeOthers(id, by.kind === 'user' && by.id === id ? by.sessionId : undefined);
    // Authentication already caps a token at its owner's role; the stored role follows so lists tell the truth.
    if (body.role !== undefined) await this.tokens.narrowTo(id, body.role);
    // Like their sessions, a disabled user's tokens end for good (enabling them again does not revive them).
    if (body.disabled === true) await this.tokens.revokeOwnedBy(id, this.clock.now());
    return toUserItem(user);
  }

  async remove(id: string): Promise<void> {
    const user = await this.users.removeKeepingAnAdmin(id);
    if (user === null) throw notFound(id);
    if (user === 'last-admin') throw lastAdmin();
  }
}

const notFound = (id: string) => new ApiError('user-not-found', `no user with id ${id}`);
const lastAdmin = () => new ApiError('last-admin', 'at least one enabled admin must remain: make someone else admin first');
