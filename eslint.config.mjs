import nx from '@nx/eslint-plugin';

/** Which kinds and scopes of projects may depend on which (STYLE.md). */
const kindAndScopeConstraints = [
  // Kinds of projects: apps use features, features use data-access and domain, ...
  {
    // type:testing for apps: the demo cluster runs on the fake API server of libs/k8s-testing.
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util', 'type:testing'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
  },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'],
  },
  // Who may use whom: shared libs serve everyone and depend on nothing app-specific.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
];

/** The domain is pure: no framework, database, Kubernetes client, UI, or I/O. */
const pureDomain = {
  sourceTag: 'type:domain',
  bannedExternalImports: [
    '@nestjs/*',
    '@prisma/*',
    '@kubernetes/*',
    'react',
    'react-dom',
    'next',
    'next/*',
    'socket.io*',
    'pg',
    'fs',
    'node:fs',
    'fs/*',
    'node:fs/*',
    'http',
    'node:http',
    'https',
    'node:https',
    'net',
    'node:net',
    'child_process',
    'node:child_process',
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/tmp', '**/.next', '**/next-env.d.ts', 'prisma/generated'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [...kindAndScopeConstraints, pureDomain],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      // Tests may read fixtures from disk and start servers; the project graph rules still hold.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: kindAndScopeConstraints },
      ],
    },
  },
  {
    // Tool configuration, not project code: it may require the shared preset by path.
    files: ['**/jest.config.cjs', 'jest.preset.cjs', 'tools/ci/**', '**/webpack.config.cjs', 'tools/scripts/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
