import { CSRF_COOKIE, SESSION_COOKIE } from '@palisade/api-contract';

/**
 * The API signs a browser in by answering with `Set-Cookie` for the session and the CSRF
 * cookie. The dashboard calls it server side (from a server action), so those headers reach the
 * dashboard, not the browser: the dashboard sets the same cookies on its own answer. Only these
 * two names are copied, with fixed attributes: the session cookie is never readable by scripts,
 * the CSRF cookie is (the page echoes it in a header), both are SameSite=Lax on the whole site.
 */

export interface CookieToSet {
  readonly name: typeof SESSION_COOKIE | typeof CSRF_COOKIE;
  readonly value: string;
  readonly options: {
    readonly httpOnly: boolean;
    readonly sameSite: 'lax';
    readonly path: '/';
    readonly secure: boolean;
    readonly expires?: Date;
    readonly maxAge?: number;
  };
}

interface ParsedSetCookie {
  readonly name: string;
  readonly value: string;
  readonly expires?: Date;
  readonly maxAge?: number;
}

/** `name=value; Expires=...; Max-Age=...; HttpOnly; ...` -> its name, value and lifetime. */
export function parseSetCookie(header: string): ParsedSetCookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const equals = pair?.indexOf('=') ?? -1;
  if (!pair || equals <= 0) return undefined;
  const name = pair.slice(0, equals).trim();
  let value = pair.slice(equals + 1).trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  try {
    value = decodeURIComponent(value);
  } catch {
    // Not percent-encoded: keep it as it is.
  }
  let expires: Date | undefined;
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const text = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'expires': {
        const date = new Date(text);
        if (!Number.isNaN(date.getTime())) expires = date;
        break;
      }
      case 'max-age':
        if (/^-?\d+$/.test(text)) maxAge = Number(text);
        break;
    }
  }
  return { name, value, ...(expires && { expires }), ...(maxAge !== undefined && { maxAge }) };
}

/** The session and CSRF cookies of the API's answer, as the dashboard sets them on the browser. */
export function cookiesToCopy(setCookieHeaders: readonly string[], secure: boolean): CookieToSet[] {
  const copies: CookieToSet[] = [];
  for (const header of setCookieHeaders) {
    const parsed = parseSetCookie(header);
    if (!parsed || (parsed.name !== SESSION_COOKIE && parsed.name !== CSRF_COOKIE)) continue;
    copies.push({
      name: parsed.name,
      value: parsed.value,
      options: {
        httpOnly: parsed.name === SESSION_COOKIE,
        sameSite: 'lax',
        path: '/',
        secure,
        ...(parsed.expires && { expires: parsed.expires }),
        ...(parsed.maxAge !== undefined && { maxAge: parsed.maxAge }),
      },
    });
  }
  return copies;
}

/**
 * Whether the browser reached the dashboard over HTTPS (then the cookies are `Secure`): a TLS
 * proxy in front says so in X-Forwarded-Proto; a form post's Origin says it too.
 */
export function isHttpsRequest(headers: { get(name: string): string | null }): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return headers.get('origin')?.toLowerCase().startsWith('https://') ?? false;
}

/** The `Cookie` header that carries the browser's credentials on to the API. */
export function credentialsCookieHeader(credentials: {
  readonly session?: string | undefined;
  readonly csrf?: string | undefined;
}): string | undefined {
  const pairs = [
    ...(credentials.session
      ? [`${SESSION_COOKIE}=${encodeURIComponent(credentials.session)}`]
      : []),
    ...(credentials.csrf ? [`${CSRF_COOKIE}=${encodeURIComponent(credentials.csrf)}`] : []),
  ];
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}
