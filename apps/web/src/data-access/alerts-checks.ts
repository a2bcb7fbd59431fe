import type {
  AlertExceptionItem,
  AlertItem,
  AlertRuleItem,
  ChannelItem,
  ChannelTestResult,
  DeliveryItem,
} from '@palisade/api-contract';
import { isObject, isStringOrNull } from './shape-checks';

/**
 * Shallow checks of the alerting answers: the fields the dashboard cannot render without. The
 * shapes themselves are declared in @palisade/api-contract.
 */

export { isPageOf } from './shape-checks';

export function isAlertRuleItem(value: unknown): value is AlertRuleItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['enabled'] === 'boolean' &&
    Array.isArray(value['kinds']) &&
    isStringOrNull(value['clusterId']) &&
    isStringOrNull(value['namespace']) &&
    (value['matchLabels'] === null || isObject(value['matchLabels'])) &&
    typeof value['severity'] === 'string' &&
    Array.isArray(value['channelIds'])
  );
}

export function isChannelItem(value: unknown): value is ChannelItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['type'] === 'string' &&
    typeof value['target'] === 'string' &&
    isObject(value['settings']) &&
    typeof value['hasSecret'] === 'boolean' &&
    typeof value['builtIn'] === 'boolean'
  );
}

export function isAlertItem(value: unknown): value is AlertItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['clusterId'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['severity'] === 'string' &&
    typeof value['subject'] === 'string' &&
    typeof value['status'] === 'string' &&
    typeof value['openedAt'] === 'string' &&
    isStringOrNull(value['namespace']) &&
    isStringOrNull(value['workload']) &&
    isStringOrNull(value['acknowledgedAt']) &&
    isStringOrNull(value['acknowledgedBy'])
  );
}

export function isDeliveryItem(value: unknown): value is DeliveryItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['channelId'] === 'string' &&
    typeof value['transition'] === 'string' &&
    typeof value['status'] === 'string' &&
    typeof value['attempts'] === 'number' &&
    Array.isArray(value['log'])
  );
}

export function isChannelTestResult(value: unknown): value is ChannelTestResult {
  return (
    isObject(value) &&
    typeof value['ok'] === 'boolean' &&
    (value['statusCode'] === null || typeof value['statusCode'] === 'number') &&
    isStringOrNull(value['error'])
  );
}

export function isAlertExceptionItem(value: unknown): value is AlertExceptionItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    isStringOrNull(value['clusterId']) &&
    typeof value['namespace'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['active'] === 'boolean' &&
    isStringOrNull(value['expiresAt'])
  );
}
