/** The alerting endpoints the dashboard reads, server side. */
import type {
  AlertExceptionItem,
  AlertItem,
  AlertRuleItem,
  AlertStatus,
  ChannelItem,
  DeliveryItem,
  DeliveryStatus,
  Page,
} from '@palisade/api-contract';
import {
  isAlertExceptionItem,
  isAlertItem,
  isAlertRuleItem,
  isChannelItem,
  isDeliveryItem,
} from './alerts-checks';
import { getJson } from './api-client';
import type { ApiResult } from './api-result';
import { getPage, type ListOptions as Options } from './list-page';

/** Rules, channels and exceptions are few: one page of this size holds them all. */
export const ALL = 1000;

export function listAlerts(
  query: { status?: AlertStatus; cluster?: string; limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<AlertItem>>> {
  return getPage('/api/alerts', query, isAlertItem, options);
}

export function listRules(options: Options = {}): Promise<ApiResult<Page<AlertRuleItem>>> {
  return getPage('/api/alert-rules', { limit: ALL }, isAlertRuleItem, options);
}

export function getRule(id: string, options: Options = {}): Promise<ApiResult<AlertRuleItem>> {
  return getJson(`/api/alert-rules/${encodeURIComponent(id)}`, {
    ...options,
    check: isAlertRuleItem,
  });
}

export function listChannels(options: Options = {}): Promise<ApiResult<Page<ChannelItem>>> {
  return getPage('/api/channels', { limit: ALL }, isChannelItem, options);
}

export function getChannel(id: string, options: Options = {}): Promise<ApiResult<ChannelItem>> {
  return getJson(`/api/channels/${encodeURIComponent(id)}`, { ...options, check: isChannelItem });
}

export function listDeliveries(
  query: {
    channel?: string;
    alert?: string;
    status?: DeliveryStatus;
    limit: number;
    offset: number;
  },
  options: Options = {},
): Promise<ApiResult<Page<DeliveryItem>>> {
  return getPage('/api/deliveries', query, isDeliveryItem, options);
}

export function listExceptions(
  options: Options = {},
): Promise<ApiResult<Page<AlertExceptionItem>>> {
  return getPage('/api/exceptions', { limit: ALL }, isAlertExceptionItem, options);
}
