import { Inject, Injectable } from '@nestjs/common';
import type { AlertRuleItem, Page } from '@palisade/api-contract';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelsRepository } from '../channels/channels.repository';
import { DEFAULT_ID } from './alert-rule';
import type { RuleBody } from './dto/rule-body.dto';
import { ruleItemOf } from './rule-rows';
import { RulesRepository } from './rules.repository';

@Injectable()
export class RulesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: RulesRepository,
    private readonly channels: ChannelsRepository,
  ) {}

  async list(limit: number, offset: number): Promise<Page<AlertRuleItem>> {
    const [rows, total] = await this.repository.list(limit, offset);
    return { items: rows.map(ruleItemOf), total };
  }

  async get(id: string): Promise<AlertRuleItem> {
    const row = await this.repository.find(id);
    if (!row) throw new ApiError('alert-rule-not-found', `no alert rule ${id}`);
    return ruleItemOf(row);
  }

  async create(body: RuleBody): Promise<AlertRuleItem> {
    await this.checkChannels(body.channelIds);
    return ruleItemOf(await this.repository.create(body));
  }

  async update(id: string, body: RuleBody): Promise<AlertRuleItem> {
    if (!(await this.repository.find(id))) throw new ApiError('alert-rule-not-found', `no alert rule ${id}`);
    await this.checkChannels(body.channelIds);
    return ruleItemOf(await this.repository.update(id, body));
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.remove(id))) throw new ApiError('alert-rule-not-found', `no alert rule ${id}`);
  }

  private async checkChannels(ids: readonly string[]): Promise<void> {
    const stored = await this.channels.existing(ids.filter((id) => id !== DEFAULT_ID));
    const unknown = ids.filter((id) => (id === DEFAULT_ID ? !this.config.alerts.defaultWebhook : !stored.has(id)));
    if (unknown.length > 0) throw new ApiError('channel-not-found', `no channel ${unknown.join(', ')}`, { channelIds: unknown });
  }
}
