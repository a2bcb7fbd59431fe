import { createZodDto } from 'nestjs-zod';
import { ROLES } from '@palisade/api-contract';
import { z } from 'zod';

export class CreateTokenDto extends createZodDto(
  z.object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    expiresInDays: z.number().int().min(1).max(3650).optional().describe('Days until it stops working; none: it works until revoked'),
  }),
) {}
