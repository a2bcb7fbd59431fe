import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_METADATA } from './access.decorator';

/** Every controller file of the API, found on disk so that a new one cannot be forgotten here. */
function controllerFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(full);
    return entry.name.endsWith('.controller.ts') ? [full] : [];
  });
}

type Handler = (...args: unknown[]) => unknown;

describe('@Access on every route', () => {
  const files = controllerFiles(path.resolve(__dirname, '..'));
  const routes = files.flatMap((file) => {
    const exported = Object.values(require(file) as Record<string, unknown>).filter((v): v is new () => unknown => typeof v === 'function' && Reflect.hasMetadata(PATH_METADATA, v));
    return exported.flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => [name, (controller.prototype as Record<string, Handler>)[name]] as const)
        .filter(([, handler]) => typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler))
        .map(([name, handler]) => ({
          route: `${controller.name}.${name}`,
          level: (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller)) as unknown,
        })),
    );
  });

  it('finds the controllers', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(routes.length).toBeGreaterThanOrEqual(50);
  });

  it('gives each route a level, and only health, readiness and the sign-in steps are public', () => {
    expect(routes.filter((r) => !['public', 'viewer', 'operator', 'admin'].includes(r.level as string))).toEqual([]);
    expect(routes.filter((r) => r.level === 'public').map((r) => r.route).sort()).toEqual(
      ['AuthController.login', 'AuthController.session', 'AuthController.setup', 'HealthController.health', 'HealthController.ready', 'OidcController.callback', 'OidcController.login'].sort(),
    );
  });
});
