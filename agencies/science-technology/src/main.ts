import { Logger } from '@nestjs/common';
import { loadScienceTechnologyAgencyConfig } from './config/science-technology-agency.config';
import { createScienceTechnologyAgencyApp } from './science-technology-agency.app';

async function main(): Promise<void> {
  const config = loadScienceTechnologyAgencyConfig();
  const app = await createScienceTechnologyAgencyApp(config);
  app.enableShutdownHooks();
  new Logger('ScienceTechnologyAgency').log(
    `Sở Khoa học và Công nghệ (${config.agencyCode}) on NATS ${config.natsUrl}, prefix ${config.prefix}, stream ${config.stream}`,
  );
}

main().catch((err: Error) => {
  console.error(`the Science and Technology agency (Sở Khoa học và Công nghệ) failed to start: ${err.message}`);
  process.exit(1);
});
