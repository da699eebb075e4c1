import { createServiceDataSource, initializeServiceDatabase, type ServiceDataSourceOptions } from '@ocop/persistence';
import { adminQuery, dropDatabase, withDatabase } from './databases';

export type MigrationSet = Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;

/** Creates a database with every service's migrations applied, for test files to clone. */
export async function createTemplateDatabase(serverUrl: string, name: string, sets: MigrationSet[]): Promise<void> {
  await dropDatabase(serverUrl, name);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  for (const set of sets) {
    const ds = createServiceDataSource({ ...set, url: withDatabase(serverUrl, name), applicationName: 'test-template', poolSize: 2 });
    await initializeServiceDatabase(ds);
    await ds.destroy();
  }
}
