export { infraUrlsFromEnv, findMissingInfrastructure } from './infrastructure';
export type { InfraUrls } from './infrastructure';
export { withDatabase, cloneDatabase, dropDatabase, adminQuery } from './databases';
export { createTestEnv, eventually, TEMPLATE_DB_ENV } from './test-env';
export type { TestEnv } from './test-env';
export { createTemplateDatabase } from './template-database';
export type { MigrationSet } from './template-database';
export { startOwnRedisServer } from './redis-server';
export type { OwnRedisServer } from './redis-server';
