// Global setup/teardown run in this process, outside jest's moduleNameMapper: resolve @ocop/* for them.
require('./tools/ts-paths');
// One jest run, three tiers (STYLE.md): unit (beside the code, no I/O), medium (real Postgres,
// NATS and Redis, one database and stream per file), e2e (the platform over HTTP).
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'cookie',
  'content-disposition',
  'jose',
  'pdfjs-dist',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const { libs } = require('./tools/lib-aliases');
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|m?j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: Object.fromEntries(libs.map((l) => [`^@ocop/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
  setupFiles: ['reflect-metadata'],
  // Build output is not source: dist/agency-sdk/package.json (npm run sdk:pack) would collide with libs/agency-sdk's.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
module.exports = {
  maxWorkers: 2,
  // jest-circus reads the timeout from the top level only (per-project values are ignored).
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,agencies}/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/{libs,services,agencies}/*/test/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
