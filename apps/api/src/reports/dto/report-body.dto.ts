import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { REPORT_FORMATS } from '@palisade/api-contract';
import { pageQuery } from '../../common/pagination';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** POST /api/reports: no clusterId is the fleet; the period defaults to REPORT_PERIOD up to now. */
export class ReportBodyDto extends createZodDto(
  z
    .object({
      clusterId: z.uuid({ message: 'must be a cluster id (a UUID)' }).optional(),
      from: instant.optional(),
      to: instant.optional(),
    })
    .refine((b) => !b.from || !b.to || new Date(b.from) < new Date(b.to), { message: 'from must be before to', path: ['from'] }),
) {}

export class ReportsQuery extends createZodDto(
  z.object({
    ...pageQuery,
    clusterId: z.uuid({ message: 'must be a cluster id (a UUID)' }).optional(),
    scope: z.enum(['cluster', 'fleet']).optional(),
  }),
) {}

export class ReportParams extends createZodDto(z.object({ id: z.uuid({ message: 'must be a report id (a UUID)' }) })) {}

export class DownloadQuery extends createZodDto(
  z.object({ format: z.enum(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` }).default('html') }),
) {}
