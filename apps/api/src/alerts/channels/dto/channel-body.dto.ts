import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHANNEL_TYPES } from '../channel';

/**
 * A channel. Secret fields (url, secret, password) may be left out of a PUT to keep the stored
 * ones; they are never answered. One flat object (a class DTO cannot be a union): which fields
 * a type needs is checked below.
 */
export const channelBodySchema = z
  .object({
    type: z.enum(CHANNEL_TYPES),
    name: z.string().trim().min(1).max(200),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2000)
      .refine((text) => !/^[a-z]+:\/\/[^/?#]*@/i.test(text), { message: 'may not carry a user name or password (user:password@)' })
      .optional().describe('webhook, slack, teams: the URL to POST to; alertmanager: its base URL'),
    secret: z.string().min(1).max(1000).optional().describe('webhook: HMAC-SHA256 key of X-Palisade-Signature'),
    host: z.string().min(1).optional().describe('email: SMTP server'),
    port: z.number().int().min(1).max(65535).optional(),
    secure: z.boolean().optional().describe('email: implicit TLS (465); else STARTTLS when offered'),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    from: z.email().optional(),
    to: z.array(z.email()).min(1).optional(),
  })
  .superRefine((body, ctx) => {
    const need = (field: keyof typeof body, when: string) => {
      if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for ${when}` });
    };
    const forbid = (field: keyof typeof body, when: string) => {
      if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `not used by ${when}` });
    };
    if (body.type === 'email') {
      for (const f of ['host', 'from', 'to'] as const) need(f, 'an email channel');
      for (const f of ['url', 'secret'] as const) forbid(f, 'an email channel');
    } else {
      for (const f of ['host', 'port', 'secure', 'user', 'password', 'from', 'to'] as const) forbid(f, `a ${body.type} channel`);
      if (body.type !== 'webhook') forbid('secret', `a ${body.type} channel`);
    }
  });

export type ChannelBody = z.infer<typeof channelBodySchema>;

export class ChannelBodyDto extends createZodDto(channelBodySchema) {}
