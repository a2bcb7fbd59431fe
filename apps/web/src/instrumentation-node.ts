import { WebConfigError, webConfig } from './config/web-config';

/** A bad API_URL stops the server when it starts, not on the first request. */
export function checkConfigAtStartup(): void {
  try {
    webConfig();
  } catch (error) {
    if (!(error instanceof WebConfigError)) throw error;
    // Next would only log a thrown error and answer 500 to every request; refuse to start instead.
    process.stderr.write(`palisade web: ${error.message}\n`);
    process.exit(1);
  }
}
