import type {
  AlertItem,
  AlertKind,
  AlertSeverity,
  AlertStatus,
  ChannelTestResult,
  ChannelType,
  DeliveryItem,
} from '@palisade/api-contract';

/** Words for the alerting pages: a colour is never the only way something is said. */

export type Tone = 'good' | 'warning' | 'bad' | undefined;

export const ALERT_KINDS: readonly AlertKind[] = [
  'WORKLOAD_EXPOSED',
  'WORKLOAD_ADDED_UNPROTECTED',
  'INTERNET_EXPOSURE',
  'NAMESPACE_LOST_DEFAULT_DENY',
  'POLICY_REMOVED',
  'SCORE_DROPPED',
];

export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  WORKLOAD_EXPOSED: 'Workload exposed',
  WORKLOAD_ADDED_UNPROTECTED: 'Workload added without a policy',
  INTERNET_EXPOSURE: 'Reachable from the internet',
  NAMESPACE_LOST_DEFAULT_DENY: 'Namespace lost its default deny',
  POLICY_REMOVED: 'Policy removed',
  SCORE_DROPPED: 'Score dropped',
};

export const SEVERITIES: readonly AlertSeverity[] = ['info', 'warning', 'critical'];

export function severityOf(severity: AlertSeverity): { label: string; tone: Tone } {
  switch (severity) {
    case 'critical':
      return { label: 'Critical', tone: 'bad' };
    case 'warning':
      return { label: 'Warning', tone: 'warning' };
    case 'info':
      return { label: 'Info', tone: undefined };
  }
}

export function alertStatusOf(status: AlertStatus): { label: string; tone: Tone } {
  switch (status) {
    case 'pending':
      return { label: 'Pending', tone: 'warning' };
    case 'suppressed':
      return { label: 'Suppressed by an exception', tone: undefined };
    case 'firing':
      return { label: 'Firing', tone: 'bad' };
    case 'resolved':
      return { label: 'Resolved', tone: 'good' };
    case 'cancelled':
      return { label: 'Cancelled', tone: undefined };
  }
}

export function kindLabel(kind: string): string {
  return ALERT_KIND_LABELS[kind as AlertKind] ?? kind;
}

/** The workload page of an alert's subject, when the subject is a workload (`Kind/name`). */
export function workloadHref(alert: AlertItem): string | undefined {
  if (!alert.namespace || !alert.workload) return undefined;
  const at = alert.workload.indexOf('/');
  if (at <= 0 || at === alert.workload.length - 1) return undefined;
  const segments = [
    'clusters',
    alert.clusterId,
    'workloads',
    alert.namespace,
    alert.workload.slice(0, at),
    alert.workload.slice(at + 1),
  ];
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/** The alert's times in words: when it opened, fires (or fired) and closed. */
export function alertTimes(alert: AlertItem): readonly { label: string; at: string }[] {
  return [
    { label: 'Opened', at: alert.openedAt },
    alert.firedAt
      ? { label: 'Fired', at: alert.firedAt }
      : alert.status === 'pending'
        ? { label: 'Fires at', at: alert.fireAt }
        : undefined,
    alert.closedAt
      ? { label: alert.status === 'cancelled' ? 'Cancelled' : 'Resolved', at: alert.closedAt }
      : undefined,
  ].filter((t): t is { label: string; at: string } => t !== undefined);
}

/** Someone saw it: only an open alert (pending or firing) not acknowledged yet. */
export function isAcknowledgeable(alert: AlertItem): boolean {
  return (alert.status === 'pending' || alert.status === 'firing') && alert.acknowledgedAt === null;
}

/** "Acknowledged by olga at 2026-01-01 10:05 UTC"; undefined until someone does. */
export function acknowledgementOf(alert: AlertItem): { text: string; at: string } | undefined {
  if (!alert.acknowledgedAt) return undefined;
  const by = alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : '';
  return {
    text: `Acknowledged${by} at ${formatUtc(alert.acknowledgedAt)}`,
    at: alert.acknowledgedAt,
  };
}

export function deliveryStatusOf(delivery: DeliveryItem): { label: string; tone: Tone } {
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  switch (delivery.status) {
    case 'delivered':
      return { label: 'Delivered', tone: 'good' };
    case 'failed':
      return { label: `Failed after ${attempts}`, tone: 'bad' };
    case 'pending':
      return delivery.attempts === 0
        ? { label: 'Waiting to be sent', tone: undefined }
        : { label: `Retrying (${attempts} so far)`, tone: 'warning' };
  }
}

export function transitionLabel(transition: DeliveryItem['transition']): string {
  switch (transition) {
    case 'firing':
      return 'Alert firing';
    case 'resolved':
      return 'Alert resolved';
    case 'test':
      return 'Test';
  }
}

/** "Sent: HTTP 200 in 12 ms" / "Failed: HTTP 500 …" / "Failed: ECONNREFUSED". */
export function describeTestResult(result: ChannelTestResult): string {
  const status = result.statusCode === null ? '' : `HTTP ${result.statusCode}`;
  if (result.ok) return `Sent: ${[status, `in ${result.durationMs} ms`].filter(Boolean).join(' ')}`;
  return `Failed: ${[status, result.error].filter(Boolean).join(', ') || 'no answer'}`;
}

export const CHANNEL_TYPES: readonly ChannelType[] = [
  'webhook',
  'slack',
  'teams',
  'alertmanager',
  'email',
];

export const CHANNEL_TYPE_LABELS: Readonly<Record<ChannelType, string>> = {
  webhook: 'Webhook',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  alertmanager: 'Alertmanager',
  email: 'Email',
};

/** The same text on the server and in every browser: UTC, to the minute. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
