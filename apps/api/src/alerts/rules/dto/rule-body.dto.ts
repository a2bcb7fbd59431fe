import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ALERT_KINDS, ALERT_SEVERITIES } from '../../alert-kinds';

export const ruleBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  kinds: z.array(z.enum(ALERT_KINDS, { message: `must be one of ${ALERT_KINDS.join(', ')}` })).min(1),
  clusterId: z.uuid({ message: 'must be a cluster id (a UUID)' }).nullable().default(null),
  namespace: z
    .string()
    .regex(/^[a-z0-9*?]([-a-z0-9.*?]*[a-z0-9*?])?$/, 'must be a namespace name or a glob of one (`team-*`)')
    .nullable()
    .default(null),
  matchLabels: z.record(z.string().min(1), z.string()).nullable().default(null),
  severity: z.enum(ALERT_SEVERITIES),
  channelIds: z.array(z.union([z.uuid(), z.literal('default')], { message: 'must be a channel id (a UUID) or "default"' })).min(1),
});

export type RuleBody = z.infer<typeof ruleBodySchema>;

export class RuleBodyDto extends createZodDto(ruleBodySchema) {}
