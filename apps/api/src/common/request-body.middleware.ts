import { Injectable, NestMiddleware } from '@nestjs/common';
import { json } from 'body-parser';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/**
 * The most a request body may weigh: a pasted kubeconfig of 1 MB (the documented limit) still
 * fits once written as a JSON string.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const parseJson = json({ limit: MAX_BODY_BYTES, strict: true, type: () => true });

/** A body is being sent: a length above zero, or a chunked transfer. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** JSON, in UTF-8 or no charset named (what every client and the dashboard send). */
function isJson(request: Request): boolean {
  const type = request.headers['content-type'];
  if (!type) return false;
  const [media, ...params] = type.split(';').map((p) => p.trim().toLowerCase());
  if (media !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(media ?? '')) return false;
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/** A string anywhere in a parsed body (keys included) that holds a NUL character. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** body-parser's failures, in Palisade's words and codes (its own messages name internals). */
function parseFailure(error: unknown): ApiError {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return new ApiError('payload-too-large', `the request body is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`);
    case 'charset.unsupported':
      return new ApiError('unsupported-media-type', 'request bodies are JSON in UTF-8');
    case 'encoding.unsupported':
      return new ApiError('unsupported-media-type', 'the Content-Encoding is not supported (identity, gzip, deflate or br)');
    case 'entity.parse.failed':
      return new ApiError('invalid-request', 'the request body is not valid JSON');
    default:
      return new ApiError('invalid-request', 'the request body could not be read');
  }
}

/**
 * Every request passes here before any route sees it (Nest's own body parser is off):
 * - a query string with a NUL character is refused (PostgreSQL cannot store one);
 * - a body must be JSON in UTF-8: no forms (a hostile page can post a form anywhere, with the
 *   visitor's cookies, without any preflight), no other charsets;
 * - the body is at most MAX_BODY_BYTES, parsed, and refused when a string in it holds a NUL.
 * Each refusal is a 400, 413 or 415 with the usual error body, never a 500.
 */
@Injectable()
export class RequestBodyMiddleware implements NestMiddleware {
  // Thrown, not passed to next(): Nest hands what a middleware throws to the exception filter.
  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    if (query.includes('\u0000') || /%00/i.test(query)) throw new ApiError('invalid-request', 'the query string holds a NUL character');
    if (hasBody(request)) {
      if (!isJson(request)) throw new ApiError('unsupported-media-type', 'request bodies are JSON: send Content-Type: application/json (UTF-8)');
      await new Promise<void>((resolve, reject) => parseJson(request, response, (error?: unknown) => (error ? reject(parseFailure(error)) : resolve())));
      if (hasNul(request.body)) throw new ApiError('invalid-request', 'a text field holds a NUL character');
    }
    next();
  }
}
