import { z } from 'zod';

/** `limit` and `offset` of every list endpoint. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
