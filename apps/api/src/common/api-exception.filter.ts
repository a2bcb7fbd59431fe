import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ApiError, statusOf } from './api-error';

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly [extra: string]: unknown };
}

/**
 * Turns every error into JSON `{ error: { code, message, ... } }`: API errors with their
 * status, validation errors as 400 naming the fields, anything unexpected as a 500 carrying
 * the request's correlation id (and logged with it). Internal details never reach the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string | number }>();
    const [status, body] = this.describe(exception, String(request.id ?? ''));
    const retryAfter = body.error['retryAfterSeconds'];
    if (status === 429 && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json(body);
  }

  private describe(exception: unknown, correlationId: string): [number, ErrorBody] {
    if (exception instanceof ApiError) {
      return [statusOf(exception.code), { error: { code: exception.code, message: exception.message, ...(exception.details ?? {}) } }];
    }
    if (exception instanceof ZodValidationException) {
      const error = exception.getZodError() as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
      const fields = (error?.issues ?? []).map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
      const message = fields.map((f) => `${f.field || 'request'}: ${f.message}`).join('; ') || 'invalid request';
      return [400, { error: { code: 'invalid-request', message, fields } }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const code = status === 404 ? 'not-found' : status === 400 ? 'invalid-request' : `http-${status}`;
        return [status, { error: { code, message: exception.message } }];
      }
    }
    this.logger.error({ msg: 'unexpected error', correlationId, err: exception });
    return [500, { error: { code: 'internal', message: 'unexpected error; quote this correlation id when reporting it', correlationId } }];
  }
}
