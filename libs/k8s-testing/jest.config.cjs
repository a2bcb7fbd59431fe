const preset = require('../../jest.preset.cjs');

/** client-node and its dependencies ship ESM only: SWC turns them into CommonJS for Jest. */
const ESM_PACKAGES = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'socks-proxy-agent',
  'agent-base',
];

module.exports = {
  preset: '../../jest.preset.cjs',
  displayName: 'k8s-testing',
  rootDir: __dirname,
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: [...preset.moduleFileExtensions, 'mjs'],
};
