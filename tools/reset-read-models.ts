import { createServiceDataSource } from '@ocop/persistence';
import { connectNats } from '@ocop/messaging';
import { loadServiceConfig, resetReadModels, type ReadModels } from '@ocop/service-kit';
import { PROGRAMME_READ_MODELS } from '../services/programme/src/database/read-models';

/** The services whose read models can be rebuilt from the stream, by name. */
const SERVICES: Record<string, ReadModels> = { programme: PROGRAMME_READ_MODELS };

/**
 * `npm run read-models:reset -- <service>`: with every process of the service stopped, empties its read models and
 * forgets what their consumers applied, and deletes their durables; start the service again and it replays the stream.
 * Reads DATABASE_URL, NATS_URL (NATS_CREDS_FILE) and OCOP_STREAM like the service.
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const models = SERVICES[name];
  if (!models) throw new Error(`usage: npm run read-models:reset -- <${Object.keys(SERVICES).join('|')}>`);
  const config = loadServiceConfig(process.env, 0);
  const ds = await createServiceDataSource({
    url: config.databaseUrl,
    schema: models.schema,
    entities: [],
    migrations: [],
    applicationName: 'reset-read-models',
  }).initialize();
  const nc = await connectNats(config.natsUrl, `reset-read-models-${name}`, config.natsCredsFile);
  try {
    const { inboxRows } = await resetReadModels(ds, nc, config.stream, models);
    console.log(
      `${name}: read models ${models.tables.join(', ')} emptied, ${inboxRows} applied events forgotten, durables deleted; start ${name} to replay`,
    );
  } finally {
    await nc.close();
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
