import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `:id` of a rule, channel or exception. */
export class UuidParams extends createZodDto(z.object({ id: z.uuid({ message: 'must be an id (a UUID)' }) })) {}

/** `:id` of a channel: a UUID, or "default" for the ALERT_WEBHOOK_URL channel. */
export class ChannelParams extends createZodDto(
  z.object({ id: z.union([z.uuid(), z.literal('default')], { message: 'must be a channel id (a UUID) or "default"' }) }),
) {}
