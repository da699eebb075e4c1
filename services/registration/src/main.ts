import { createLogger } from '@ocop/observability';
import { loadRegistrationConfig } from './config/registration.config';
import { createRegistrationApp } from './registration.app';

async function main(): Promise<void> {
  const config = loadRegistrationConfig();
  const app = await createRegistrationApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('registration').fatal({ err }, `registration failed to start: ${err.message}`);
  process.exit(1);
});
