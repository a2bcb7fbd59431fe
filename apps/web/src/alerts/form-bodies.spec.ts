import {
  channelBodyOf,
  dateEndIso,
  dateStartIso,
  exceptionBodyOf,
  keptValues,
  parseMatchLabels,
  ruleBodyOf,
} from './form-bodies';

function form(entries: readonly (readonly [string, string])[]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('rule form -> POST/PUT /api/alert-rules body', () => {
  it('turns key=value lines into matchLabels, checkboxes into arrays, empty scope into null', () => {
    const result = ruleBodyOf(
      form([
        ['name', ' shop exposure '],
        ['kinds', 'WORKLOAD_EXPOSED'],
        ['kinds', 'WORKLOAD_ADDED_UNPROTECTED'],
        ['clusterId', ''],
        ['namespace', ''],
        ['matchLabels', 'app=shop\n\n  tier = web \r\nempty='],
        ['severity', 'critical'],
        ['channelIds', 'default'],
        ['enabled', 'on'],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'shop exposure',
        enabled: true,
        kinds: ['WORKLOAD_EXPOSED', 'WORKLOAD_ADDED_UNPROTECTED'],
        clusterId: null,
        namespace: null,
        matchLabels: { app: 'shop', tier: 'web', empty: '' },
        severity: 'critical',
        channelIds: ['default'],
      },
    });
  });

  it('is disabled when the box is unticked, and has no labels when the lines are blank', () => {
    const result = ruleBodyOf(
      form([
        ['matchLabels', '  \n '],
        ['clusterId', 'c1'],
      ]),
    );
    expect(result.ok && result.body).toMatchObject({
      enabled: false,
      matchLabels: null,
      clusterId: 'c1',
      kinds: [],
    });
  });

  it('names the line that is not key=value instead of sending it', () => {
    expect(parseMatchLabels('app=shop\nteam')).toEqual({
      ok: false,
      message: 'line 2 is not key=value: "team"',
    });
    expect(ruleBodyOf(form([['matchLabels', '=x']]))).toEqual({
      ok: false,
      errors: [{ field: 'matchLabels', message: 'line 1 is not key=value: "=x"' }],
    });
  });
});

describe('channel form -> POST/PUT /api/channels body', () => {
  it('sends only the chosen type’s fields', () => {
    const result = channelBodyOf(
      form([
        ['type', 'webhook'],
        ['name', 'ops'],
        ['webhook.url', 'http://hooks.example/x'],
        ['webhook.secret', 's3cret'],
        ['slack.url', 'https://hooks.slack.com/other'],
        ['email.host', 'smtp.example'],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      body: { type: 'webhook', name: 'ops', url: 'http://hooks.example/x', secret: 's3cret' },
    });
  });

  it('leaves an empty secret and URL out, so an edit keeps the stored ones', () => {
    const result = channelBodyOf(
      form([
        ['type', 'webhook'],
        ['name', 'ops'],
        ['webhook.url', ''],
        ['webhook.secret', ''],
      ]),
    );
    expect(result).toEqual({ ok: true, body: { type: 'webhook', name: 'ops' } });
  });

  it('never sends a secret for Slack, even one typed in the webhook fields', () => {
    const result = channelBodyOf(
      form([
        ['type', 'slack'],
        ['name', 'chat'],
        ['slack.url', 'https://hooks.slack.com/T/B/x'],
        ['webhook.secret', 'typed'],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      body: { type: 'slack', name: 'chat', url: 'https://hooks.slack.com/T/B/x' },
    });
  });

  it('reads an email channel: port as a number, recipients as a list, no empty password', () => {
    const result = channelBodyOf(
      form([
        ['type', 'email'],
        ['name', 'mail'],
        ['email.host', 'smtp.example'],
        ['email.port', '465'],
        ['email.secure', 'on'],
        ['email.user', ''],
        ['email.password', ''],
        ['email.from', 'palisade@example.com'],
        ['email.to', 'a@example.com, b@example.com\nc@example.com'],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      body: {
        type: 'email',
        name: 'mail',
        host: 'smtp.example',
        port: 465,
        secure: true,
        from: 'palisade@example.com',
        to: ['a@example.com', 'b@example.com', 'c@example.com'],
      },
    });
    expect(
      channelBodyOf(
        form([
          ['type', 'email'],
          ['email.port', 'smtp'],
        ]),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'port', message: 'must be a port number (e.g. 587)' }],
    });
  });

  it('keeps what was typed for the form, but never a secret or a password', () => {
    const values = keptValues(
      form([
        ['name', 'ops'],
        ['webhook.url', 'http://hooks.example/x'],
        ['webhook.secret', 's3cret'],
        ['email.password', 'hunter2'],
        ['$ACTION_ID_abc', ''],
      ]),
    );
    expect(values).toEqual({ name: ['ops'], 'webhook.url': ['http://hooks.example/x'] });
  });
});

describe('dates -> ISO instants', () => {
  it('reads a date input as UTC days; the end of a day is the next day’s start', () => {
    expect(dateStartIso('2026-02-28')).toBe('2026-02-28T00:00:00.000Z');
    expect(dateEndIso('2026-02-28')).toBe('2026-03-01T00:00:00.000Z');
    expect(dateStartIso('2026-02-30')).toBeUndefined();
    expect(dateStartIso('28/02/2026')).toBeUndefined();
  });

  it('sends an exception expiring at the end of its day, or never', () => {
    const base: [string, string][] = [
      ['clusterId', ''],
      ['namespace', 'shop'],
      ['kind', 'Deployment'],
      ['name', 'frontend'],
      ['reason', 'public storefront'],
      ['owner', 'team-shop'],
    ];
    expect(exceptionBodyOf(form([...base, ['expiresAt', '2026-12-31']]))).toEqual({
      ok: true,
      body: {
        clusterId: null,
        namespace: 'shop',
        kind: 'Deployment',
        name: 'frontend',
        reason: 'public storefront',
        owner: 'team-shop',
        expiresAt: '2027-01-01T00:00:00.000Z',
      },
    });
    const never = exceptionBodyOf(form([...base, ['expiresAt', '']]));
    expect(never.ok && never.body.expiresAt).toBeNull();
    expect(exceptionBodyOf(form([...base, ['expiresAt', 'soon']]))).toEqual({
      ok: false,
      errors: [{ field: 'expiresAt', message: 'must be a date (YYYY-MM-DD)' }],
    });
  });
});
