import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../common/pagination';
import { Access } from '../access.decorator';
import { AuditService } from './audit.service';

class AuditQuery extends createZodDto(z.object({ ...pageQuery, action: z.string().trim().min(1).max(100).optional() })) {}

@ApiTags('access')
@Access('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what, when: configuration, users, tokens, exceptions, channels, sign-ins (newest first)' })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query.action, query.limit, query.offset);
  }
}
