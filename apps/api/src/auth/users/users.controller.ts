import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParams } from '../../alerts/dto/id-params.dto';
import { PageQuery } from '../../clusters/dto/cluster-params.dto';
import { Access } from '../access.decorator';
import { Audited } from '../audit/audited.decorator';
import { CurrentPrincipal } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { CreateUserDto, UpdateUserDto } from './dto/user-body.dto';
import { UsersService } from './users.service';

@ApiTags('access')
@Access('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Accounts: local (password) and single sign-on' })
  list(@Query() query: PageQuery) {
    return this.users.list(query.limit, query.offset);
  }

  @Post()
  @Audited('user.created', 'user')
  @ApiOperation({ summary: 'Add a local account with a role' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get(':id')
  get(@Param() params: UuidParams) {
    return this.users.get(params.id);
  }

  @Patch(':id')
  @Audited('user.updated', 'user')
  @ApiOperation({ summary: 'Change the role, password, name or email, or disable the account; the last enabled admin stays' })
  update(@Param() params: UuidParams, @Body() body: UpdateUserDto, @CurrentPrincipal() by: Principal) {
    return this.users.update(params.id, body, by);
  }

  @Delete(':id')
  @HttpCode(204)
  @Audited('user.deleted', 'user')
  remove(@Param() params: UuidParams) {
    return this.users.remove(params.id);
  }
}
