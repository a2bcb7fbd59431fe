import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../../common/pagination';

export const exceptionBodySchema = z.object({
  clusterId: z.uuid({ message: 'must be a cluster id (a UUID)' }).nullable().default(null),
  namespace: z.string().min(1),
  kind: z.string().min(1).describe('Workload kind: Deployment, StatefulSet, DaemonSet, Pod ...'),
  name: z.string().min(1),
  reason: z.string().trim().min(1).max(2000),
  owner: z.string().trim().min(1).max(200),
  expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).nullable().default(null),
});

export type ExceptionBody = z.infer<typeof exceptionBodySchema>;

export class ExceptionBodyDto extends createZodDto(exceptionBodySchema) {}

export class ExceptionsQuery extends createZodDto(
  z.object({ ...pageQuery, active: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
) {}
