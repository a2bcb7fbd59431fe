import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParams } from '../dto/id-params.dto';
import { ExceptionBodyDto, ExceptionsQuery } from './dto/exception-body.dto';
import { ExceptionsService } from './exceptions.service';
import { Access } from '../../auth/access.decorator';
import { Audited } from '../../auth/audit/audited.decorator';

@ApiTags('alerts')
@Access('viewer')
@Controller('exceptions')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Get()
  @ApiOperation({ summary: 'Workloads marked intentionally exposed', description: 'Filter: active=true|false.' })
  list(@Query() query: ExceptionsQuery) {
    return this.exceptions.list(query.active, query.limit, query.offset);
  }

  @Access('operator')
  @Audited('exception.created', 'exception')
  @Post()
  @ApiOperation({ summary: 'Mark a workload intentionally exposed: no alert about it while the exception is active' })
  create(@Body() body: ExceptionBodyDto) {
    return this.exceptions.create(body);
  }

  @Access('operator')
  @Audited('exception.deleted', 'exception')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: UuidParams) {
    return this.exceptions.remove(params.id);
  }
}
