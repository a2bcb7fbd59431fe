/** Runs once when the server starts. */
export async function register() {
  // A build-time constant, not configuration: it keeps Node-only code out of the Edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStartup } = await import('./instrumentation-node');
    checkConfigAtStartup();
  }
}
