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
  isPageOf,
} from './alerts-checks';
import { getJson, type GetJsonOptions } from './api-client';
import type { ApiResult } from './api-result';

type Options = Omit<GetJsonOptions<never>, 'check'>;

/** Rules, channels and exceptions are few: one page of this size holds them all. */
export const ALL = 1000;

function search(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

export function listAlerts(
  query: { status?: AlertStatus; cluster?: string; limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<AlertItem>>> {
  return getJson(`/api/alerts?${search(query)}`, {
    ...options,
    check: (body): body is Page<AlertItem> => isPageOf(body, isAlertItem),
  });
}

export function listRules(options: Options = {}): Promise<ApiResult<Page<AlertRuleItem>>> {
  return getJson(`/api/alert-rules?limit=${ALL}`, {
    ...options,
    check: (body): body is Page<AlertRuleItem> => isPageOf(body, isAlertRuleItem),
  });
}

export function getRule(id: string, options: Options = {}): Promise<ApiResult<AlertRuleItem>> {
  return getJson(`/api/alert-rules/${encodeURIComponent(id)}`, {
    ...options,
    check: isAlertRuleItem,
  });
}

export function listChannels(options: Options = {}): Promise<ApiResult<Page<ChannelItem>>> {
  return getJson(`/api/channels?limit=${ALL}`, {
    ...options,
    check: (body): body is Page<ChannelItem> => isPageOf(body, isChannelItem),
  });
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
  return getJson(`/api/deliveries?${search(query)}`, {
    ...options,
    check: (body): body is Page<DeliveryItem> => isPageOf(body, isDeliveryItem),
  });
}

export function listExceptions(
  options: Options = {},
): Promise<ApiResult<Page<AlertExceptionItem>>> {
  return getJson(`/api/exceptions?limit=${ALL}`, {
    ...options,
    check: (body): body is Page<AlertExceptionItem> => isPageOf(body, isAlertExceptionItem),
  });
}
