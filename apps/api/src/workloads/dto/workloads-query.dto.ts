import { createZodDto } from 'nestjs-zod';
import { INTERNET_EXPOSURES } from '@palisade/api-contract';
import { z } from 'zod';
import { booleanQuery, pageQuery } from '../../common/pagination';

export const WORKLOAD_SORTS = ['score', '-score', 'name', '-name', 'namespace', '-namespace', 'reachableFrom', '-reachableFrom'] as const;

export class WorkloadsQuery extends createZodDto(
  z.object({
    ...pageQuery,
    unprotected: booleanQuery.optional(),
    exposed: booleanQuery.optional(),
    /** What the internet can reach: published, policy-only or none (docs/entry-points.md). */
    exposure: z.enum(INTERNET_EXPOSURES).optional(),
    namespace: z.string().min(1).optional(),
    q: z.string().min(1).max(200).optional(),
    sort: z.enum(WORKLOAD_SORTS).default('score'),
  }),
) {}
