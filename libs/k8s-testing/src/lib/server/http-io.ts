import type { IncomingMessage, ServerResponse } from 'node:http';
import { KubeApiError, statuses, type KubeStatus } from './api-status';

/** Writes a JSON body: every API response is `application/json`, or typed clients refuse it. */
export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJson(res, status.code, status);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads a JSON request body; malformed JSON is the server's 400. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new KubeApiError(statuses.badRequest('the request body is too large'));
    }
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    throw new KubeApiError(
      statuses.badRequest(
        `the body of the request could not be decoded: ${(error as Error).message}`,
      ),
    );
  }
}

/** A non-negative integer query parameter, or a 400. */
export function integerParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new KubeApiError(
      statuses.badRequest(`${name}: Invalid value: "${raw}": must be a non-negative integer`),
    );
  }
  return Number(raw);
}
