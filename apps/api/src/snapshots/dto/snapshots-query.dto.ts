import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../common/pagination';

export class SnapshotsQuery extends createZodDto(
  z.object({
    ...pageQuery,
    from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  }),
) {}
