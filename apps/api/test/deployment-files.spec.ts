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
});
