import { Injectable, Logger } from '@nestjs/common';
import type { AuditEventItem, Page } from '@palisade/api-contract';
import { AuditRepository, toAuditItem } from './audit.repository';
import { redactDetails } from './redact-details';

/** A principal, or who acted without one: the system (bootstrap, setup), an anonymous sign-in attempt. */
export type AuditActorInput =
  | { readonly kind: 'user' | 'token'; readonly id: string; readonly name: string }
  | { readonly kind: 'system' | 'anonymous'; readonly name: string };

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly audit: AuditRepository) {}

  /**
   * Records who did what. A change that happened is never undone because its record could not
   * be written: the failure is logged (with the action) for the operator to notice.
   */
  async record(actor: AuditActorInput, action: string, target: string | null, details: unknown, requestId?: string | null): Promise<void> {
    const redacted = redactDetails(details ?? {});
    try {
      await this.audit.add({
        actorKind: actor.kind === 'anonymous' ? 'system' : actor.kind,
        actorId: actor.kind === 'user' || actor.kind === 'token' ? actor.id : null,
        actorName: actor.name,
        action,
        target,
        details: typeof redacted === 'object' && redacted !== null && !Array.isArray(redacted) ? (redacted as Record<string, unknown>) : { value: redacted },
        requestId: requestId ?? null,
      });
    } catch (error) {
      this.logger.error({ msg: 'could not write an audit event', action, target, err: error });
    }
  }

  async list(action: string | undefined, limit: number, offset: number): Promise<Page<AuditEventItem>> {
    const [events, total] = await this.audit.list(action, limit, offset);
    return { items: events.map(toAuditItem), total };
  }
}
