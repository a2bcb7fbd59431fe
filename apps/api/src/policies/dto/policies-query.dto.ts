import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../common/pagination';
import { POLICY_KINDS } from '../../snapshots/snapshot-state';

export class PoliciesQuery extends createZodDto(
  z.object({
    ...pageQuery,
    namespace: z.string().min(1).optional(),
    kind: z.enum(POLICY_KINDS).optional(),
    /** Include policies that no longer exist (with the snapshot they disappeared in). */
    removed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Only the policies the cluster's network plugin enforces (true) or does not (false). */
    enforced: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  }),
) {}
