import { redactDetails } from './redact-details';

describe('redactDetails', () => {
  it('replaces secrets, at any depth, and keeps the rest', () => {
    const details = redactDetails({
      name: 'ops',
      password: 'hunter2hunter2',
      settings: { url: 'https://hooks.slack.com/services/T/B/x', secret: 's', channel: '#sec', smtpPass: 'p' },
      kubeconfig: 'apiVersion: v1 ... token: abc',
      headers: [{ authorization: 'Bearer x' }],
      role: 'viewer',
    });
    expect(details).toEqual({
      name: 'ops',
      password: '[redacted]',
      settings: { url: '[redacted]', secret: '[redacted]', channel: '#sec', smtpPass: '[redacted]' },
      kubeconfig: '[redacted]',
      headers: [{ authorization: '[redacted]' }],
      role: 'viewer',
    });
  });

  it('bounds long text and deep nesting', () => {
    expect(redactDetails({ reason: 'x'.repeat(600) })).toEqual({ reason: `${'x'.repeat(500)}…` });
    expect(JSON.stringify(redactDetails({ a: { b: { c: { d: { e: { f: 1 } } } } } }))).toContain('[…]');
  });
});
