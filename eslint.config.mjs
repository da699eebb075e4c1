import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Architecture as lint (STYLE.md): no service imports another service, libs never import services,
 * libs/domain imports no other lib (it stays pure), and only tests use libs/testing.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '**/coverage', 'deploy/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:pure', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/services/*/src/**', '../../services/**'], message: 'a service or lib must not import a service' }] },
      ],
    },
  },
  {
    // Services use libs/testing only from their tests; production code must not.
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['libs/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@ocop/testing', message: 'test harness only in tests' }],
          patterns: [{ group: ['**/services/*/src/**', '../../services/**'], message: 'a service or lib must not import a service' }],
        },
      ],
    },
  },
  {
    // Tests and tools at the root start services in-process: that is their job.
    files: ['test/**/*.ts', 'tools/**/*.ts', 'services/*/test/**/*.ts', 'libs/*/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off', '@nx/enforce-module-boundaries': 'off' },
  },
  // Formatting is Prettier's (npm run format; checked by npm run lint): no ESLint rule argues with it.
  prettier,
];
