import { dropDatabase, infraUrlsFromEnv, TEMPLATE_DB_ENV } from '@ocop/testing';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_DB_ENV];
  if (name) await dropDatabase(infraUrlsFromEnv().databaseUrl, name);
}
