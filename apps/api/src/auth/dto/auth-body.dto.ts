import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { USERNAME, USERNAME_RULE } from '../../config/app-config';

export const username = z.string().trim().regex(USERNAME, USERNAME_RULE);
/** Long rather than complicated (NIST SP 800-63B): at least 12 characters, at most 256. */
export const password = z.string().min(12, 'a password has at least 12 characters').max(256, 'a password has at most 256 characters');

export class LoginBodyDto extends createZodDto(
  z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
) {}

export class SetupBodyDto extends createZodDto(
  z.object({
    setupToken: z.string().trim().min(1),
    username,
    password,
    name: z.string().trim().min(1).max(200).optional(),
  }),
) {}

export class OidcLoginQuery extends createZodDto(z.object({ returnTo: z.string().optional() })) {}

export class ChangePasswordDto extends createZodDto(z.object({ currentPassword: z.string().min(1).max(256), newPassword: password })) {}
