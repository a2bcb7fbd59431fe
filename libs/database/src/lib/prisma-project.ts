import { existsSync } from 'node:fs';
import path from 'node:path';

const CONFIG_FILE = 'prisma.config.ts';

/**
 * The workspace's `prisma/` directory (schema, migrations, CLI config). Looked up from the
 * current directory and from this file upwards, so that it is found from the sources, from a
 * bundled build under dist/ and from any working directory inside the repository.
 */
export function findPrismaDir(): string {
  for (const start of [process.cwd(), __dirname]) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'prisma');
      if (
        existsSync(path.join(candidate, CONFIG_FILE)) &&
        existsSync(path.join(candidate, 'migrations'))
      ) {
        return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `Cannot find prisma/${CONFIG_FILE} and prisma/migrations above ${process.cwd()} or ${__dirname}; ` +
      'pass prismaDir explicitly.',
  );
}

export function prismaConfigFile(prismaDir: string): string {
  return path.join(prismaDir, CONFIG_FILE);
}
