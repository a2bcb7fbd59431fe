import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClusterParams, PageQuery } from '../clusters/dto/cluster-params.dto';
import { NamespacesService } from './namespaces.service';
import { Access } from '../auth/access.decorator';

@ApiTags('namespaces')
@Access('viewer')
@Controller('clusters/:id/namespaces')
export class NamespacesController {
  constructor(private readonly namespaces: NamespacesService) {}

  @Get()
  @ApiOperation({ summary: 'Namespaces with score, default-deny status per direction and counts, worst first' })
  list(@Param() params: ClusterParams, @Query() query: PageQuery) {
    return this.namespaces.list(params.id, query.limit, query.offset);
  }
}
