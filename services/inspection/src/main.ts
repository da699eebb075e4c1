import { createLogger } from '@ocop/observability';
import { loadInspectionConfig } from './config/inspection.config';
import { createInspectionApp } from './inspection.app';

async function main(): Promise<void> {
  const config = loadInspectionConfig();
  const app = await createInspectionApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('inspection').fatal({ err }, `inspection failed to start: ${err.message}`);
  process.exit(1);
});
