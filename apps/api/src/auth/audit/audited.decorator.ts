import { SetMetadata } from '@nestjs/common';

export const AUDIT_METADATA = 'palisade:audit';

export interface AuditSpec {
  /** e.g. `channel.updated` */
  readonly action: string;
  /** The target's kind: the log says `<kind>:<id>` with the id from the route or the answer. */
  readonly target: string;
}

/** Records a successful call of this route in the audit log (AuditInterceptor). */
export const Audited = (action: string, target: string) => SetMetadata(AUDIT_METADATA, { action, target } satisfies AuditSpec);
