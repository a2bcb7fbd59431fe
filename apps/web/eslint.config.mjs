import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
// Tool configuration, not project code: it extends the root config by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import root from '../../eslint.config.mjs';

// The root's project rules (no-console, module boundaries) are scoped to *.ts and *.js files;
// here they must also cover the components, which are .tsx.
const rootAlsoForTsx = root.map((config) =>
  config.files?.includes('**/*.ts') &&
  config.rules?.['@nx/enforce-module-boundaries'] &&
  !config.files.includes('**/*.tsx')
    ? { ...config, files: [...config.files, '**/*.tsx'] }
    : config,
);

const config = [
  ...rootAlsoForTsx,
  // Next's rules: React, hooks, accessibility basics and the Core Web Vitals checks.
  ...nextCoreWebVitals,
  { ignores: ['**/.next/**', '**/next-env.d.ts'] },
  {
    // Tool configuration like jest.config.cjs (exempted at the root): it requires the preset by path.
    files: ['**/jest.e2e.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    rules: {
      // A Pages Router rule; this app has only the App Router (and the rule warns on every run).
      '@next/next/no-html-link-for-pages': 'off',
      // The dashboard shares types with the API through the contract lib and nothing else: the
      // rest of the workspace is server code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@palisade/*', '!@palisade/api-contract'],
              message: 'apps/web may import only @palisade/api-contract from the workspace.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser tests drive a fake Kubernetes API server, as the API's own tests do; the
    // dashboard's code still imports only the contract.
    files: ['**/e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@palisade/*', '!@palisade/api-contract', '!@palisade/k8s-testing'],
              message:
                'The browser tests may import only @palisade/api-contract and @palisade/k8s-testing from the workspace.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    rules: {
      // Accessibility mistakes are errors here, not warnings.
      'jsx-a11y/alt-text': 'error',
      'jsx-a11y/anchor-has-content': 'error',
      'jsx-a11y/anchor-is-valid': 'error',
      'jsx-a11y/aria-props': 'error',
      'jsx-a11y/aria-proptypes': 'error',
      'jsx-a11y/aria-role': 'error',
      'jsx-a11y/aria-unsupported-elements': 'error',
      'jsx-a11y/heading-has-content': 'error',
      'jsx-a11y/html-has-lang': 'error',
      'jsx-a11y/label-has-associated-control': 'error',
      'jsx-a11y/no-redundant-roles': 'error',
      'jsx-a11y/role-has-required-aria-props': 'error',
      'jsx-a11y/role-supports-aria-props': 'error',
    },
  },
];

export default config;
