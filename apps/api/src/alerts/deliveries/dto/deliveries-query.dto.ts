import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../../common/pagination';

export class DeliveriesQuery extends createZodDto(
  z.object({
    ...pageQuery,
    channel: z.string().min(1).optional(),
    alert: z.uuid({ message: 'must be an alert id' }).optional(),
    status: z.enum(['pending', 'delivered', 'failed']).optional(),
  }),
) {}
