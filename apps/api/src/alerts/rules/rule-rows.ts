import type { AlertKind, AlertRuleItem, AlertSeverity } from '@palisade/api-contract';
import type { AlertRule } from '@palisade/prisma-client';
import type { RuleSpec } from './alert-rule';

export function ruleSpecOf(row: AlertRule): RuleSpec {
  return {
    id: row.id,
    kinds: row.kinds as AlertKind[],
    clusterId: row.clusterId,
    namespace: row.namespace,
    matchLabels: (row.matchLabels as Record<string, string> | null) ?? null,
    severity: row.severity as AlertSeverity,
    channelIds: row.channelIds,
  };
}

export function ruleItemOf(row: AlertRule): AlertRuleItem {
  return { ...ruleSpecOf(row), name: row.name, enabled: row.enabled, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
