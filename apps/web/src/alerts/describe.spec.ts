import type { AlertItem, DeliveryItem } from '@palisade/api-contract';
import {
  acknowledgementOf,
  alertTimes,
  isAcknowledgeable,
  deliveryStatusOf,
  describeTestResult,
  severityOf,
  workloadHref,
} from './describe';

const alert = (over: Partial<AlertItem>): AlertItem => ({
  id: 'a1',
  clusterId: 'c1',
  ruleId: 'r1',
  kind: 'WORKLOAD_EXPOSED',
  severity: 'warning',
  subject: 'shop/Deployment/frontend',
  namespace: 'shop',
  workload: 'Deployment/frontend',
  policy: null,
  status: 'firing',
  openedAt: '2026-01-01T10:00:00.000Z',
  fireAt: '2026-01-01T10:02:00.000Z',
  firedAt: '2026-01-01T10:02:00.000Z',
  closedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  details: {},
  ...over,
});

const delivery = (over: Partial<DeliveryItem>): DeliveryItem => ({
  id: '1',
  alertId: 'a1',
  channelId: 'default',
  transition: 'firing',
  idempotencyKey: 'k',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  deliveredAt: null,
  createdAt: '2026-01-01T10:02:00.000Z',
  log: [],
  ...over,
});

describe('describing an alert', () => {
  it('links a workload subject to its page, and nothing else', () => {
    expect(workloadHref(alert({}))).toBe('/clusters/c1/workloads/shop/Deployment/frontend');
    expect(workloadHref(alert({ namespace: 'a b', workload: 'Pod/x/y' }))).toBe(
      '/clusters/c1/workloads/a%20b/Pod/x%2Fy',
    );
    expect(workloadHref(alert({ kind: 'NAMESPACE_LOST_DEFAULT_DENY', workload: null }))).toBe(
      undefined,
    );
    expect(workloadHref(alert({ workload: 'frontend' }))).toBeUndefined();
  });

  it('says the severity in words', () => {
    expect(severityOf('critical')).toEqual({ label: 'Critical', tone: 'bad' });
    expect(severityOf('info').label).toBe('Info');
  });

  it('gives a pending alert the time it fires, a closed one the time it closed', () => {
    expect(alertTimes(alert({ status: 'pending', firedAt: null }))).toEqual([
      { label: 'Opened', at: '2026-01-01T10:00:00.000Z' },
      { label: 'Fires at', at: '2026-01-01T10:02:00.000Z' },
    ]);
    expect(
      alertTimes(alert({ status: 'cancelled', firedAt: null, closedAt: '2026-01-01T10:01:00Z' })),
    ).toEqual([
      { label: 'Opened', at: '2026-01-01T10:00:00.000Z' },
      { label: 'Cancelled', at: '2026-01-01T10:01:00Z' },
    ]);
    expect(alertTimes(alert({ status: 'resolved', closedAt: '2026-01-02T00:00:00Z' }))[2]).toEqual({
      label: 'Resolved',
      at: '2026-01-02T00:00:00Z',
    });
  });
});

describe('acknowledging an alert', () => {
  it('is offered while the alert is pending or firing and nobody acknowledged it', () => {
    expect(isAcknowledgeable(alert({ status: 'firing' }))).toBe(true);
    expect(isAcknowledgeable(alert({ status: 'pending', firedAt: null }))).toBe(true);
    for (const status of ['suppressed', 'resolved', 'cancelled'] as const) {
      expect(isAcknowledgeable(alert({ status }))).toBe(false);
    }
    expect(
      isAcknowledgeable(
        alert({ acknowledgedAt: '2026-01-01T10:05:00.000Z', acknowledgedBy: 'olga' }),
      ),
    ).toBe(false);
  });

  it('says who acknowledged it and when', () => {
    expect(
      acknowledgementOf(
        alert({ acknowledgedAt: '2026-01-01T10:05:30.000Z', acknowledgedBy: 'olga' }),
      ),
    ).toEqual({
      text: 'Acknowledged by olga at 2026-01-01 10:05 UTC',
      at: '2026-01-01T10:05:30.000Z',
    });
    expect(
      acknowledgementOf(alert({ acknowledgedAt: '2026-01-01T10:05:30.000Z', acknowledgedBy: null }))
        ?.text,
    ).toBe('Acknowledged at 2026-01-01 10:05 UTC');
    expect(acknowledgementOf(alert({}))).toBeUndefined();
  });
});

describe('describing a delivery', () => {
  it('says whether it is waiting, retrying, delivered or given up', () => {
    expect(deliveryStatusOf(delivery({})).label).toBe('Waiting to be sent');
    expect(deliveryStatusOf(delivery({ attempts: 2 }))).toEqual({
      label: 'Retrying (2 attempts so far)',
      tone: 'warning',
    });
    expect(deliveryStatusOf(delivery({ status: 'failed', attempts: 1 }))).toEqual({
      label: 'Failed after 1 attempt',
      tone: 'bad',
    });
    expect(deliveryStatusOf(delivery({ status: 'delivered', attempts: 1 })).label).toBe(
      'Delivered',
    );
  });

  it('describes a test send: status code and time, or the error', () => {
    const base = { durationMs: 12, deliveryId: '1' };
    expect(describeTestResult({ ...base, ok: true, statusCode: 204, error: null })).toBe(
      'Sent: HTTP 204 in 12 ms',
    );
    expect(describeTestResult({ ...base, ok: false, statusCode: 500, error: 'HTTP 500' })).toBe(
      'Failed: HTTP 500, HTTP 500',
    );
    expect(
      describeTestResult({ ...base, ok: false, statusCode: null, error: 'ECONNREFUSED' }),
    ).toBe('Failed: ECONNREFUSED');
  });
});
