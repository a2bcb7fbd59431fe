import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParams } from '../../alerts/dto/id-params.dto';
import { PageQuery } from '../../clusters/dto/cluster-params.dto';
import { Access } from '../access.decorator';
import { Audited } from '../audit/audited.decorator';
import { CurrentPrincipal } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { CreateTokenDto } from './dto/token-body.dto';
import { TokensService } from './tokens.service';

@ApiTags('access')
@Access('admin')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @ApiOperation({ summary: 'API tokens (never their secrets)' })
  list(@Query() query: PageQuery) {
    return this.tokens.list(query.limit, query.offset);
  }

  @Post()
  @Audited('token.created', 'token')
  @ApiOperation({ summary: 'Make an API token with a role and an optional expiry; its secret is answered this once' })
  create(@Body() body: CreateTokenDto, @CurrentPrincipal() by: Principal) {
    return this.tokens.create(body, by);
  }

  @Delete(':id')
  @HttpCode(204)
  @Audited('token.revoked', 'token')
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  revoke(@Param() params: UuidParams) {
    return this.tokens.revoke(params.id);
  }
}
