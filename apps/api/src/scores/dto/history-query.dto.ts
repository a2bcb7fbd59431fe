import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class HistoryQuery extends createZodDto(
  z.object({
    from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    /** raw: every snapshot; hour/day: averages per bucket; auto picks by the range's length. */
    bucket: z.enum(['auto', 'raw', 'hour', 'day']).default('auto'),
  }),
) {}
