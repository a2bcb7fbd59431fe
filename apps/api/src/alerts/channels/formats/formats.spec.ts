import { createHmac, timingSafeEqual } from 'node:crypto';
import { alertmanagerRequest } from './alertmanager.format';
import { emailMessage } from './email.format';
import { AlertNotification } from './notification';
import { slackRequest } from './slack.format';
import { teamsRequest } from './teams.format';
import { SIGNATURE_HEADER, webhookRequest } from './webhook.format';

const firing: AlertNotification = {
  id: 'a1',
  status: 'firing',
  kind: 'WORKLOAD_ADDED_UNPROTECTED',
  severity: 'critical',
  cluster: 'prod',
  namespace: 'shop',
  workload: 'Deployment/web',
  policy: null,
  summary: 'shop/Deployment/web was added with no NetworkPolicy isolating its ingress',
  labels: { app: 'web', evil: '<script>alert(1)</script>' },
  at: '2026-01-01T00:02:00.000Z',
  startsAt: '2026-01-01T00:02:00.000Z',
  url: 'http://palisade.example/clusters/c1',
};
const resolved: AlertNotification = { ...firing, status: 'resolved', at: '2026-01-01T00:10:00.000Z' };

/** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
function verify(body: string, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('channel formats', () => {
  it('webhook: the documented JSON, signed so the receiver can verify it with the secret (and not with another)', () => {
    const req = webhookRequest('https://hooks.example/x', 'top-secret', firing, 'a1:firing:c1');
    expect(JSON.parse(req.body)).toMatchObject({ id: 'a1', status: 'firing', kind: 'WORKLOAD_ADDED_UNPROTECTED', severity: 'critical', cluster: 'prod', namespace: 'shop', workload: 'Deployment/web', at: firing.at, url: firing.url });
    expect(verify(req.body, req.headers[SIGNATURE_HEADER], 'top-secret')).toBe(true);
    expect(verify(req.body, req.headers[SIGNATURE_HEADER], 'other')).toBe(false);
    expect(verify(req.body.replace('firing', 'resolved'), req.headers[SIGNATURE_HEADER], 'top-secret')).toBe(false);
    expect(req.headers['Idempotency-Key']).toBe('a1:firing:c1');
    expect(webhookRequest('https://hooks.example/x', undefined, firing, 'k').headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('slack: { text, blocks } with cluster text escaped, so a label cannot inject markup', () => {
    const req = slackRequest('https://hooks.slack.com/services/x', firing, 'k');
    const body = JSON.parse(req.body) as { text: string; blocks: unknown[] };
    expect(typeof body.text).toBe('string');
    expect(body.blocks.length).toBeGreaterThan(0);
    expect(req.body).not.toContain('<script>');
    expect(req.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('teams: a MessageCard with cluster text escaped', () => {
    const req = teamsRequest('https://example.webhook.office.com/x', firing, 'k');
    const card = JSON.parse(req.body) as Record<string, unknown>;
    expect(card['@type']).toBe('MessageCard');
    expect(req.body).not.toContain('<script>');
    expect(req.body).toContain('&lt;script&gt;alert\\\\(1\\\\)&lt;/script&gt;');
  });

  it('alertmanager: one postable alert to /api/v2/alerts, the same labels in both transitions, endsAt only when resolved', () => {
    const fire = alertmanagerRequest('http://am:9093', firing, 'k');
    const resolve = alertmanagerRequest('http://am:9093/', resolved, 'k');
    expect(fire.url).toBe('http://am:9093/api/v2/alerts');
    expect(resolve.url).toBe('http://am:9093/api/v2/alerts');
    const [f] = JSON.parse(fire.body) as Record<string, unknown>[];
    const [r] = JSON.parse(resolve.body) as Record<string, unknown>[];
    expect(f).toEqual({
      labels: { alertname: 'PalisadeWorkloadAddedUnprotected', severity: 'critical', cluster: 'prod', palisade_alert_id: 'a1', namespace: 'shop', workload: 'Deployment/web' },
      annotations: { summary: firing.summary },
      startsAt: firing.startsAt,
      generatorURL: firing.url,
    });
    expect(r['labels']).toEqual(f['labels']);
    expect(r['startsAt']).toBe(firing.startsAt);
    expect(r['endsAt']).toBe(resolved.at);
  });

  it('email: HTML escaped, subject on one line', () => {
    const mail = emailMessage({ ...firing, summary: 'line\r\nBcc: victim@example.com' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
