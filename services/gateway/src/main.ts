import { createLogger } from '@ocop/observability';
import { loadGatewayConfig } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('gateway').fatal({ err }, `gateway failed to start: ${err.message}`);
  process.exit(1);
});
