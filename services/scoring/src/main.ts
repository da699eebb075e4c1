import { createLogger } from '@ocop/observability';
import { loadScoringConfig } from './config/scoring.config';
import { createScoringApp } from './scoring.app';

async function main(): Promise<void> {
  const config = loadScoringConfig();
  const app = await createScoringApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('scoring').fatal({ err }, `scoring failed to start: ${err.message}`);
  process.exit(1);
});
