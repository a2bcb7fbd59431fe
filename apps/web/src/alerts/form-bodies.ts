import type { AlertKind, AlertSeverity, ChannelType } from '@palisade/api-contract';

/**
 * Form data -> the API's request bodies (see the DTOs under apps/api/src/alerts). Only what a
 * form cannot say the API's way is checked here (a label line without `=`, a date); everything
 * else is the API's to validate, and its 400 is shown beside the form.
 */

/** What a form posts: FormData, or anything with the same two getters. */
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

export interface FieldError {
  /** The body's field ("" for the whole request). */
  readonly field: string;
  readonly message: string;
}

export type BodyResult<T> =
  | { readonly ok: true; readonly body: T }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export function text(form: FormFields, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A password as typed: its spaces are part of it. */
export function untrimmed(form: FormFields, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function texts(form: FormFields, name: string): string[] {
  return form
    .getAll(name)
    .flatMap((value) => (typeof value === 'string' && value.trim() ? [value.trim()] : []));
}

const checked = (form: FormFields, name: string) => ['on', 'true'].includes(text(form, name));

/** `key=value` lines -> matchLabels; blank lines are skipped; no lines: null (any labels). */
export function parseMatchLabels(
  lines: string,
): { ok: true; labels: Record<string, string> | null } | { ok: false; message: string } {
  const labels: Record<string, string> = {};
  const rows = lines.split(/\r?\n/);
  for (const [index, row] of rows.entries()) {
    const line = row.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    const key = at < 0 ? '' : line.slice(0, at).trim();
    if (!key) return { ok: false, message: `line ${index + 1} is not key=value: "${line}"` };
    labels[key] = line.slice(at + 1).trim();
  }
  return { ok: true, labels: Object.keys(labels).length > 0 ? labels : null };
}

/** The inverse of parseMatchLabels, for an edit form. */
export function formatMatchLabels(labels: Readonly<Record<string, string>> | null): string {
  return Object.entries(labels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (a date input) -> the ISO instant of its start, in UTC; undefined if not a date. */
export function dateStartIso(date: string): string | undefined {
  if (!DATE.test(date)) return undefined;
  const at = new Date(`${date}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date
    ? undefined
    : at.toISOString();
}

/** The instant a day ends (the next day's start), in UTC: a date picked as "up to and including". */
export function dateEndIso(date: string): string | undefined {
  const start = dateStartIso(date);
  return start && new Date(Date.parse(start) + 86_400_000).toISOString();
}

export interface RuleBody {
  readonly name: string;
  readonly enabled: boolean;
  readonly kinds: readonly AlertKind[];
  readonly clusterId: string | null;
  readonly namespace: string | null;
  readonly matchLabels: Record<string, string> | null;
  readonly severity: AlertSeverity;
  readonly channelIds: readonly string[];
}

export function ruleBodyOf(form: FormFields): BodyResult<RuleBody> {
  const labels = parseMatchLabels(text(form, 'matchLabels'));
  if (!labels.ok) return { ok: false, errors: [{ field: 'matchLabels', message: labels.message }] };
  return {
    ok: true,
    body: {
      name: text(form, 'name'),
      enabled: checked(form, 'enabled'),
      kinds: texts(form, 'kinds') as AlertKind[],
      clusterId: text(form, 'clusterId') || null,
      namespace: text(form, 'namespace') || null,
      matchLabels: labels.labels,
      severity: text(form, 'severity') as AlertSeverity,
      channelIds: texts(form, 'channelIds'),
    },
  };
}

export interface ChannelBody {
  readonly type: ChannelType;
  readonly name: string;
  readonly url?: string;
  readonly secret?: string;
  readonly host?: string;
  readonly port?: number;
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from?: string;
  readonly to?: readonly string[];
}

/** Fields whose values are never sent back to the browser, not even to refill a form. */
export const SECRET_FIELDS = ['secret', 'password'] as const;

/**
 * Only the fields of the chosen type are sent (the form shows every type's fields without
 * JavaScript). Secret fields and the URL left empty are left out: on an edit the API keeps the
 * stored ones.
 */
export function channelBodyOf(form: FormFields): BodyResult<ChannelBody> {
  const type = text(form, 'type') as ChannelType;
  const name = text(form, 'name');
  const optional = (field: string, value: string) => (value ? { [field]: value } : {});
  if (type !== 'email') {
    return {
      ok: true,
      body: {
        type,
        name,
        ...optional('url', text(form, `${type}.url`)),
        ...(type === 'webhook' ? optional('secret', text(form, 'webhook.secret')) : {}),
      },
    };
  }
  const portText = text(form, 'email.port');
  if (portText && !/^\d+$/.test(portText)) {
    return { ok: false, errors: [{ field: 'port', message: 'must be a port number (e.g. 587)' }] };
  }
  const to = text(form, 'email.to')
    .split(/[\s,;]+/)
    .filter(Boolean);
  return {
    ok: true,
    body: {
      type,
      name,
      ...optional('host', text(form, 'email.host')),
      ...(portText ? { port: Number(portText) } : {}),
      secure: checked(form, 'email.secure'),
      ...optional('user', text(form, 'email.user')),
      ...optional('password', text(form, 'email.password')),
      ...optional('from', text(form, 'email.from')),
      ...(to.length > 0 ? { to } : {}),
    },
  };
}

export interface ExceptionBody {
  readonly clusterId: string | null;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly reason: string;
  readonly owner: string;
  readonly expiresAt: string | null;
}

/** The expiry date is inclusive: the exception ends when that day ends, in UTC. */
export function exceptionBodyOf(form: FormFields): BodyResult<ExceptionBody> {
  const expires = text(form, 'expiresAt');
  const expiresAt = expires ? dateEndIso(expires) : null;
  if (expiresAt === undefined) {
    return { ok: false, errors: [{ field: 'expiresAt', message: 'must be a date (YYYY-MM-DD)' }] };
  }
  return {
    ok: true,
    body: {
      clusterId: text(form, 'clusterId') || null,
      namespace: text(form, 'namespace'),
      kind: text(form, 'kind'),
      name: text(form, 'name'),
      reason: text(form, 'reason'),
      owner: text(form, 'owner'),
      expiresAt,
    },
  };
}

/** What the user typed, to refill the form after an error; secrets are not kept. */
export function keptValues(form: FormFields & Iterable<[string, FormDataEntryValue]>) {
  const values: Record<string, string[]> = {};
  for (const [key, value] of form) {
    if (typeof value !== 'string' || key.startsWith('$')) continue;
    if ((SECRET_FIELDS as readonly string[]).some((s) => key === s || key.endsWith(`.${s}`))) {
      continue;
    }
    (values[key] ??= []).push(value);
  }
  return values;
}
