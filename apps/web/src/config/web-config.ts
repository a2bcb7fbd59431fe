import { z } from 'zod';

/**
 * The web app's configuration, read from the environment in this one place (STYLE.md).
 * Server side only: nothing here is sent to the browser.
 */
export interface WebConfig {
  readonly api: {
    /** Where the Palisade API listens, without a trailing slash (e.g. http://127.0.0.1:4000). */
    readonly baseUrl: string;
  };
}

export const DEFAULT_API_URL = 'http://127.0.0.1:4000';

const envSchema = z.object({
  API_URL: z
    .string()
    .trim()
    // An empty value (API_URL= in a .env or compose file) means "use the default".
    .transform((value) => value || undefined)
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          message: 'must be an http(s) URL such as http://127.0.0.1:4000',
        })
        .optional(),
    )
    .optional(),
});

export class WebConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid web configuration: ${problems.join('; ')}`);
    this.name = 'WebConfigError';
  }
}

/** Validates the environment; throws a WebConfigError that names every bad variable. */
export function parseWebConfig(env: Readonly<Record<string, string | undefined>>): WebConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new WebConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const baseUrl = (parsed.data.API_URL ?? DEFAULT_API_URL).replace(/\/+$/, '');
  return { api: { baseUrl } };
}

let cached: WebConfig | undefined;

/** The configuration of this process, validated on first use. */
export function webConfig(): WebConfig {
  cached ??= parseWebConfig(process.env);
  return cached;
}
