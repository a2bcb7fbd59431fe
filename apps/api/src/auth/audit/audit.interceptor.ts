import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../authenticated-request';
import { AUDIT_METADATA, AuditSpec } from './audited.decorator';
import { AuditService } from './audit.service';

/**
 * Writes the audit event of an @Audited route once it succeeded: the actor, the action, the
 * target (route id, else the answer's id) and the request's fields with secrets redacted. The
 * answer waits for the record, so a client that got its 2xx finds the event in the log.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_METADATA, context.getHandler());
    if (!spec || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & { id?: string | number }>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const principal = request.principal;
        if (principal) {
          const id = (request.params as Record<string, string | undefined>)['id'] ?? idOf(result);
          await this.audit.record(principal, spec.action, id ? `${spec.target}:${id}` : spec.target, request.body ?? {}, request.id === undefined ? null : String(request.id));
        }
        return result;
      }),
    );
  }
}

function idOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || !('id' in result)) return undefined;
  const id = (result as { id: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
