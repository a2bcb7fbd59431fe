import { Worker } from 'node:worker_threads';

/**
 * Samples the process's resident set size from a worker thread. The audit is one synchronous
 * call, so a timer on the main thread would never fire while it runs; a worker keeps sampling.
 * `maxRSS` from resourceUsage() only ever grows, so it cannot tell one phase from another.
 */
const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new Int32Array(workerData.buffer);
const sample = () => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
};
setInterval(sample, workerData.intervalMs);
`;

export class RssSampler {
  private readonly peakKb: Int32Array;
  private readonly worker: Worker;

  constructor(intervalMs = 5) {
    const buffer = new SharedArrayBuffer(4);
    this.peakKb = new Int32Array(buffer);
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
  }

  /** Starts a new phase: the peak restarts from the current RSS. */
  reset(): void {
    Atomics.store(this.peakKb, 0, Math.round(process.memoryUsage.rss() / 1024));
  }

  /** Highest RSS seen since the last reset, in MB (the current RSS included). */
  peakMb(): number {
    const now = Math.round(process.memoryUsage.rss() / 1024);
    return Math.max(now, Atomics.load(this.peakKb, 0)) / 1024;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export function rssMb(): number {
  return process.memoryUsage.rss() / 1024 / 1024;
}

/** Peak RSS of the whole process so far (kernel figure), in MB. */
export function maxRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}
