import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../common/pagination';

export class AlertsQuery extends createZodDto(
  z.object({
    ...pageQuery,
    status: z.enum(['pending', 'suppressed', 'firing', 'resolved', 'cancelled']).optional(),
    cluster: z.uuid({ message: 'must be a cluster id (a UUID)' }).optional(),
  }),
) {}
