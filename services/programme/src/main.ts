import { createLogger } from '@ocop/observability';
import { loadProgrammeConfig } from './config/programme.config';
import { createProgrammeApp } from './programme.app';

async function main(): Promise<void> {
  const config = loadProgrammeConfig();
  const app = await createProgrammeApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('programme').fatal({ err }, `programme failed to start: ${err.message}`);
  process.exit(1);
});
