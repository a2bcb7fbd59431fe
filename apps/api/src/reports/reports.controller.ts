import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REPORT_CSP } from '../common/security-headers';
import { DownloadQuery, ReportBodyDto, ReportParams, ReportsQuery } from './dto/report-body.dto';
import { ReportsService } from './reports.service';
import { Access } from '../auth/access.decorator';

@ApiTags('reports')
@Access('viewer')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Access('operator')
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Generate a compliance report now', description: 'No clusterId: the fleet. Period: [from, to), by default the last REPORT_PERIOD (7 days) up to now.' })
  create(@Body() body: ReportBodyDto) {
    return this.reports.create({ ...(body.clusterId ? { clusterId: body.clusterId } : {}), ...(body.from ? { from: new Date(body.from) } : {}), ...(body.to ? { to: new Date(body.to) } : {}) });
  }

  @Get()
  @ApiOperation({ summary: 'Stored reports, newest first (without their data)', description: 'Filters: clusterId, scope=cluster|fleet.' })
  list(@Query() query: ReportsQuery) {
    return this.reports.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One report with its data' })
  get(@Param() params: ReportParams) {
    return this.reports.get(params.id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'A report as html, pdf, csv (workloads and findings), json (the data) or policyreport (wgpolicyk8s.io/v1alpha2 YAML)' })
  async download(@Param() params: ReportParams, @Query() query: DownloadQuery, @Res() res: Response) {
    const file = await this.reports.download(params.id, query.format);
    // attachment() sets a type from the file name: ours goes after it. An HTML report opened
    // from the response (not saved) runs no script: REPORT_CSP replaces the JSON policy.
    res.attachment(file.filename).type(file.contentType).set('Content-Security-Policy', REPORT_CSP).send(file.body);
  }
}
