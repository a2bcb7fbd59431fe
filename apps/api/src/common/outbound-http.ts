import { Agent, errors as undiciErrors, request } from 'undici';
import { AddressPolicy, AddressRefused, addressRefusal, guardedLookup } from './outbound-address';

/**
 * How much of a receiver's answer Palisade reads: enough for an error message, never more. The
 * rest is discarded unread, so a receiver answering gigabytes costs nothing.
 */
export const MAX_ANSWER_BYTES = 64 * 1024;

export interface OutboundRequest {
  readonly method: 'POST' | 'GET' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export type OutboundResult =
  | { readonly kind: 'answered'; readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: string; readonly truncated: boolean }
  /** The request never got an answer. `reason` is Palisade's wording, safe to show and store. */
  | { readonly kind: 'failed'; readonly reason: string; readonly retryable: boolean; readonly cause?: string };

/** Why a URL may not be a receiver's address, or undefined: http(s), no credentials, an allowed host. */
export function outboundUrlProblem(text: string, policy: AddressPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'may not carry a user name or password (user:password@); use the channel\'s secret or a token in the path';
  const refusal = addressRefusal(url.hostname, policy);
  return refusal ? `host ${refusal}` : undefined;
}

/**
 * Sends one HTTP request to a receiver an admin configured: only to an allowed address (checked
 * on the resolved address as it is dialled), no redirects, a timeout for the whole exchange, and
 * at most MAX_ANSWER_BYTES of the answer read. Failures are described in words that reveal no
 * more than "could not connect" (no URL, no address, no remote text), so a channel cannot be
 * used to probe the network; the underlying code is kept apart for the server log.
 */
export class OutboundHttp {
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly maxAnswerBytes: number = MAX_ANSWER_BYTES) {}

  private agentFor(policy: AddressPolicy): Agent {
    const key = JSON.stringify(policy.allowPrivate);
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({ connect: { lookup: guardedLookup(policy) as never }, keepAliveTimeout: 10_000 });
      this.agents.set(key, agent);
    }
    return agent;
  }

  async send(url: string, init: OutboundRequest, policy: AddressPolicy): Promise<OutboundResult> {
    const problem = outboundUrlProblem(url, policy);
    if (problem) return { kind: 'failed', reason: `refused: the URL ${problem}`, retryable: false };
    const signal = AbortSignal.timeout(init.timeoutMs);
    try {
      const answer = await request(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
        dispatcher: this.agentFor(policy),
        maxRedirections: 0,
        signal,
      } as Parameters<typeof request>[1]);
      const { text, truncated } = await readAtMost(answer.body, this.maxAnswerBytes);
      return { kind: 'answered', status: answer.statusCode, headers: answer.headers, body: text, truncated };
    } catch (error) {
      return failure(error, init.timeoutMs, signal.aborted);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close().catch(() => undefined)));
    this.agents.clear();
  }
}

/** Reads a body up to `limit` bytes, then drops the connection's remaining bytes unread. */
async function readAtMost(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }, limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const room = limit - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size = limit;
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  if (truncated) body.destroy();
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failed exchange in Palisade's words; the library's code goes to `cause` for the log only. */
function failure(error: unknown, timeoutMs: number, timedOut: boolean): OutboundResult {
  const refused = error instanceof AddressRefused ? error : (error as { cause?: unknown } | null)?.cause instanceof AddressRefused ? ((error as { cause: AddressRefused }).cause) : undefined;
  if (refused) return { kind: 'failed', reason: 'refused: the receiver\'s address is not allowed', retryable: false, cause: refused.reason };
  const code = codeOf(error);
  // A timeout and a refused connection read the same: telling them apart would map the network.
  if (timedOut || error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return { kind: 'failed', reason: 'could not connect', retryable: true, cause: `no answer within ${timeoutMs} ms` };
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL' || error instanceof undiciErrors.InvalidArgumentError) {
    return { kind: 'failed', reason: 'refused: the URL is not usable', retryable: false, cause: code ?? 'invalid argument' };
  }
  return { kind: 'failed', reason: 'could not connect', retryable: true, cause: code ?? (error instanceof Error ? error.name : 'unknown') };
}
