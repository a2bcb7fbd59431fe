import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** docker-compose.yml and the Dockerfile cannot run here (no Docker engine): check their structure. */
const root = path.resolve(__dirname, '../../..');

describe('deployment files', () => {
  it('docker-compose.yml runs PostgreSQL and Palisade wired to it', () => {
    const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
    expect(Object.keys(compose.services)).toEqual(['postgres', 'palisade']);
    const app = compose.services.palisade;
    expect(app.build).toBe('.');
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.environment.DATABASE_URL).toMatch(/^postgresql:\/\/palisade:[^@]+@postgres:5432\/palisade$/);
    expect(app.ports).toEqual(expect.arrayContaining(['4000:4000', '3000:3000']));
    expect(compose.services.postgres.image).toMatch(/^postgres:15/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('the Dockerfile installs every workspace package before npm ci', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
    const workspaces = rootPackage.workspaces.flatMap((pattern) => {
      const dir = pattern.replace('/*', '');
      return fs.readdirSync(path.join(root, dir)).filter((name) => fs.existsSync(path.join(root, dir, name, 'package.json'))).map((name) => `${dir}/${name}`);
    });
    for (const ws of workspaces) expect(dockerfile).toContain(`COPY ${ws}/package.json ${ws}/`);
    expect(dockerfile.indexOf('RUN npm ci')).toBeGreaterThan(dockerfile.lastIndexOf('/package.json'));
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('the Dockerfile\'s runtime stage holds the runtime files only, on a supported Node LTS, as a non-root user', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    const [build, runtime] = stages as [string, string];
    expect(build).toMatch(/ AS build\n/);
    expect(build).toMatch(/PALISADE_STANDALONE=1/);
    expect(build).toMatch(/node tools\/scripts\/runtime-layout\.mjs/);
    // Node 22 and 24 are the LTS lines still supported in 2026 (20 ended in April 2026).
    expect(runtime).toMatch(/^node:(22|24)-bookworm-slim AS runtime/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime.match(/^COPY .*$/gm)).toEqual(['COPY --from=build /app/dist/runtime/ /app/']);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/HOSTNAME=0\.0\.0\.0/);
  });
});
