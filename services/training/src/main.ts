import { createLogger } from '@ocop/observability';
import { loadTrainingConfig } from './config/training.config';
import { createTrainingApp } from './training.app';

async function main(): Promise<void> {
  const config = loadTrainingConfig();
  const app = await createTrainingApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('training').fatal({ err }, `training failed to start: ${err.message}`);
  process.exit(1);
});
