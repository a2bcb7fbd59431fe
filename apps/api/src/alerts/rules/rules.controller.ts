import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../../clusters/dto/cluster-params.dto';
import { UuidParams } from '../dto/id-params.dto';
import { RuleBodyDto } from './dto/rule-body.dto';
import { RulesService } from './rules.service';
import { Access } from '../../auth/access.decorator';
import { Audited } from '../../auth/audit/audited.decorator';

@ApiTags('alerts')
@Access('viewer')
@Controller('alert-rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @ApiOperation({ summary: 'Alert rules', description: 'With none and ALERT_WEBHOOK_URL set, a built-in rule sends every alert kind to the default channel.' })
  list(@Query() query: PageQuery) {
    return this.rules.list(query.limit, query.offset);
  }

  @Access('admin')
  @Audited('alert-rule.created', 'alert-rule')
  @Post()
  @ApiOperation({ summary: 'Add a rule: kinds, optional cluster, namespace (glob) and workload labels, severity, channels' })
  create(@Body() body: RuleBodyDto) {
    return this.rules.create(body);
  }

  @Get(':id')
  get(@Param() params: UuidParams) {
    return this.rules.get(params.id);
  }

  @Access('admin')
  @Audited('alert-rule.updated', 'alert-rule')
  @Put(':id')
  update(@Param() params: UuidParams, @Body() body: RuleBodyDto) {
    return this.rules.update(params.id, body);
  }

  @Access('admin')
  @Audited('alert-rule.deleted', 'alert-rule')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: UuidParams) {
    return this.rules.remove(params.id);
  }
}
