/**
 * CORS for the API and socket.io alike. Browsers reach both through the dashboard's same-origin
 * proxy, so by default no origin is allowed and no Access-Control-* header is sent. CORS_ORIGINS
 * lists exact origins that may call cross-origin, without credentials (there are none yet).
 */
export function corsOptions(origins: readonly string[]): { origin: string[]; credentials: false } | undefined {
  return origins.length > 0 ? { origin: [...origins], credentials: false } : undefined;
}
