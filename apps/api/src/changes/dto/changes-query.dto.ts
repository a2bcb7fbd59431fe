import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHANGE_KINDS } from '../../snapshots/change-detector';
import { pageQuery } from '../../common/pagination';

const kinds = z
  .string()
  .transform((text) => text.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHANGE_KINDS, { message: `must be one of ${CHANGE_KINDS.join(', ')}` })));

export class ChangesQuery extends createZodDto(
  z.object({
    ...pageQuery,
    since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    until: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    kind: kinds.optional(),
    namespace: z.string().min(1).optional(),
  }),
) {}
