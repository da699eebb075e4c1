import { createLogger } from '@ocop/observability';
import { loadCertificationConfig } from './config/certification.config';
import { createCertificationApp } from './certification.app';

async function main(): Promise<void> {
  const config = loadCertificationConfig();
  const app = await createCertificationApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('certification').fatal({ err }, `certification failed to start: ${err.message}`);
  process.exit(1);
});
