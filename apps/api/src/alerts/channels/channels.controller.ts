import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../../clusters/dto/cluster-params.dto';
import { ChannelParams } from '../dto/id-params.dto';
import { ChannelsService } from './channels.service';
import { ChannelBodyDto } from './dto/channel-body.dto';
import { Access } from '../../auth/access.decorator';
import { Audited } from '../../auth/audit/audited.decorator';

@ApiTags('alerts')
@Access('viewer')
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Notification channels; secrets are never answered (hasSecret, target host only)' })
  list(@Query() query: PageQuery) {
    return this.channels.list(query.limit, query.offset);
  }

  @Access('admin')
  @Audited('channel.created', 'channel')
  @Post()
  @ApiOperation({ summary: 'Add a channel: webhook, slack, teams, alertmanager or email' })
  create(@Body() body: ChannelBodyDto) {
    return this.channels.create(body);
  }

  @Get(':id')
  get(@Param() params: ChannelParams) {
    return this.channels.get(params.id);
  }

  @Access('admin')
  @Audited('channel.updated', 'channel')
  @Put(':id')
  @ApiOperation({ summary: 'Replace a channel; secret fields left out keep their stored values' })
  update(@Param() params: ChannelParams, @Body() body: ChannelBodyDto) {
    return this.channels.update(params.id, body);
  }

  @Access('admin')
  @Audited('channel.deleted', 'channel')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: ChannelParams) {
    return this.channels.remove(params.id);
  }

  @Access('admin')
  @Audited('channel.tested', 'channel')
  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test notification now and answer how it went' })
  test(@Param() params: ChannelParams) {
    return this.channels.test(params.id);
  }
}
