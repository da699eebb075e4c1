import { Logger } from '@nestjs/common';
import { loadHealthAgencyConfig } from './config/health-agency.config';
import { createHealthAgencyApp } from './health-agency.app';

async function main(): Promise<void> {
  const config = loadHealthAgencyConfig();
  const app = await createHealthAgencyApp(config);
  app.enableShutdownHooks();
  new Logger('HealthAgency').log(
    `Sở Y tế (${config.agencyCode}) on NATS ${config.natsUrl}, prefix ${config.prefix}, stream ${config.stream}`,
  );
}

main().catch((err: Error) => {
  console.error(`the Health agency (Sở Y tế) failed to start: ${err.message}`);
  process.exit(1);
});
