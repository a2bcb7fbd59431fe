import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const kubeconfig = z.string().min(1, 'paste the kubeconfig (YAML)').max(1_000_000, 'a kubeconfig is at most 1 MB').describe('Kubeconfig YAML; only the context used is kept, sealed');
const context = z.string().trim().min(1).max(253).optional().describe("The context to watch (default: the kubeconfig's current context)");

export class CreateClusterDto extends createZodDto(
  z.object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/, 'a cluster name is 1-63 lowercase letters, digits, dots or dashes, starting and ending with a letter or digit'),
    kubeconfig,
    context,
  }),
) {}

export class ReplaceKubeconfigDto extends createZodDto(z.object({ kubeconfig, context })) {}
