import { createZodDto } from 'nestjs-zod';
import { ROLES } from '@palisade/api-contract';
import { z } from 'zod';
import { password, username } from '../../dto/auth-body.dto';

const role = z.enum(ROLES);
const name = z.string().trim().min(1).max(200);
const email = z.email({ message: 'must be an email address' });

export class CreateUserDto extends createZodDto(z.object({ username, password, role, name: name.optional(), email: email.optional() })) {}

export class UpdateUserDto extends createZodDto(
  z
    .object({ role: role.optional(), password: password.optional(), disabled: z.boolean().optional(), name: name.nullable().optional(), email: email.nullable().optional() })
    .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'give at least one of role, password, disabled, name, email' }),
) {}
