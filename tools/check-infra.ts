import { findMissingInfrastructure, infraUrlsFromEnv } from '@ocop/testing';

/** Says which of PostgreSQL, NATS (JetStream) and Redis is missing and how to start it; exit 1 if any. */
async function main(): Promise<void> {
  const urls = infraUrlsFromEnv();
  const missing = await findMissingInfrastructure(urls);
  if (missing.length) {
    console.error(`The OCOP platform needs PostgreSQL, NATS with JetStream and Redis.\n- ${missing.join('\n- ')}`);
    process.exit(1);
  }
  console.log(
    `infrastructure ok: postgres ${urls.databaseUrl.replace(/:[^:@/]*@/, ':***@')}, nats ${urls.natsUrl}, redis ${urls.redisUrl}`,
  );
}

void main();
