import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageQuery } from '../../common/pagination';

export const clusterIdSchema = z.uuid({ message: 'must be a cluster id (a UUID)' });

export class ClusterParams extends createZodDto(z.object({ id: clusterIdSchema })) {}

export class PageQuery extends createZodDto(z.object(pageQuery)) {}
