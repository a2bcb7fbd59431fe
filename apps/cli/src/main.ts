import { processIo } from './io';
import { runCli } from './program';

try {
  process.exitCode = runCli(process.argv.slice(2), processIo);
} catch (error) {
  // A bug, not bad input: say so plainly, keep the trace for the report.
  process.stderr.write(`palisade: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 70;
}
