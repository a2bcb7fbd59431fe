// The API's tests: SWC with decorator metadata (NestJS DI), and the ESM-only packages of
// client-node transformed to CommonJS like our own code.
const preset = require('../../jest.preset.cjs');

const esm = ['@kubernetes/client-node', 'openid-client', 'oauth4webapi', 'jose', 'socks-proxy-agent', 'agent-base'];

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  testTimeout: 60_000,
};
