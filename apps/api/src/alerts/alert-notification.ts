import { describeEntryPoint, type AlertKind, type AlertSeverity, type EntryPointItem } from '@palisade/api-contract';
import type { Alert } from '@palisade/prisma-client';
import type { AlertNotification } from './channels/formats/notification';

function summaryOf(alert: Pick<Alert, 'kind' | 'namespace' | 'workload' | 'policy' | 'details'>): string {
  const d = alert.details as Record<string, unknown>;
  const who = `${alert.namespace ?? ''}/${alert.workload ?? ''}`;
  switch (alert.kind as AlertKind) {
    case 'WORKLOAD_EXPOSED': {
      const reasons = Array.isArray(d['reasons']) ? (d['reasons'] as unknown[]).map(String).join(', ') : 'exposed';
      return `${who} is exposed: ${reasons}`;
    }
    case 'WORKLOAD_ADDED_UNPROTECTED':
      return `${who} was added with no NetworkPolicy isolating its ingress`;
    case 'INTERNET_EXPOSURE': {
      const doors = Array.isArray(d['entryPoints']) ? (d['entryPoints'] as EntryPointItem[]).map(describeEntryPoint).join(', ') : '';
      return `${who} is reachable from the internet${doors ? ` through ${doors}` : ''}`;
    }
    case 'NAMESPACE_LOST_DEFAULT_DENY':
      return `namespace ${alert.namespace ?? ''} lost its default-deny ${String(d['direction'] ?? '').toLowerCase()} policy`;
    case 'POLICY_REMOVED': {
      const affected = Array.isArray(d['affectedWorkloads']) ? d['affectedWorkloads'].length : 0;
      return `policy ${alert.policy ?? ''} was removed${affected ? ` (${affected} workload${affected === 1 ? '' : 's'} lost isolation)` : ''}`;
    }
    case 'SCORE_DROPPED':
      return `cluster score dropped from ${String(d['before'])} to ${String(d['after'])}`;
  }
}

/** Where the dashboard shows the alert's subject. */
export function dashboardUrl(publicUrl: string, alert: Pick<Alert, 'clusterId' | 'namespace' | 'workload'>): string {
  const base = `${publicUrl}/clusters/${alert.clusterId}`;
  if (alert.namespace && alert.workload) {
    const name = alert.workload.slice(alert.workload.indexOf('/') + 1);
    return `${base}/workloads?namespace=${encodeURIComponent(alert.namespace)}&q=${encodeURIComponent(name)}`;
  }
  return base;
}

/** An alert transition as channels send it. */
export function notificationOf(alert: Alert, clusterName: string, status: 'firing' | 'resolved', at: Date, publicUrl: string): AlertNotification {
  const labels = (alert.details as Record<string, unknown>)['labels'];
  return {
    id: alert.id,
    status,
    kind: alert.kind as AlertKind,
    severity: alert.severity as AlertSeverity,
    cluster: clusterName,
    namespace: alert.namespace,
    workload: alert.workload,
    policy: alert.policy,
    summary: summaryOf(alert),
    labels: labels && typeof labels === 'object' ? (labels as Record<string, string>) : {},
    at: at.toISOString(),
    startsAt: (alert.firedAt ?? at).toISOString(),
    url: dashboardUrl(publicUrl, alert),
  };
}
