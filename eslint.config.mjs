import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Architecture as lint (STYLE.md): no service imports another service, libs never import services,
 * libs/domain imports no other lib (it stays pure), and only tests use libs/testing. The agency SDK imports no other
 * lib (it is packed alone), and an agency's service (agencies/*) uses only the SDK.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '**/coverage', 'deploy/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
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
            { sourceTag: 'type:agency', onlyDependOnLibsWithTags: ['scope:sdk'] },
            // The web console runs in the browser: only libs that do (the offline verifier).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:browser'] },
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
    // The agency SDK is packed alone (npm run sdk:pack): its code imports no other lib of the repository.
    files: ['libs/agency-sdk/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ocop/*'], message: 'the agency SDK is packed alone: it imports no other lib (copy the rule, as subjects.ts does)' },
            { group: ['**/libs/**', '**/services/**', '**/tools/**'], message: 'the agency SDK is packed alone' },
          ],
        },
      ],
    },
  },
  {
    // An agency's service is built as an outside agency's would be: on the SDK and the contract it ships, nothing else.
    files: ['agencies/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ocop/*', '!@ocop/agency-sdk'], message: 'an agency uses only @ocop/agency-sdk' },
            { group: ['**/libs/**', '**/services/**'], message: 'an agency uses only @ocop/agency-sdk' },
          ],
        },
      ],
    },
  },
  {
    // Tests and tools at the root start services in-process: that is their job.
    files: ['test/**/*.ts', 'tools/**/*.ts', 'services/*/test/**/*.ts', 'libs/*/test/**/*.ts', 'agencies/*/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off', '@nx/enforce-module-boundaries': 'off' },
  },
  // Formatting is Prettier's (npm run format; checked by npm run lint): no ESLint rule argues with it.
  prettier,
];
