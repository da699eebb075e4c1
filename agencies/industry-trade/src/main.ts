import { Logger } from '@nestjs/common';
import { loadIndustryTradeAgencyConfig } from './config/industry-trade-agency.config';
import { createIndustryTradeAgencyApp } from './industry-trade-agency.app';

async function main(): Promise<void> {
  const config = loadIndustryTradeAgencyConfig();
  const app = await createIndustryTradeAgencyApp(config);
  // A process stops on SIGTERM (its orchestrator) and SIGINT (a person): the consumers stop, the connection drains.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
  new Logger('IndustryTradeAgency').log(
    `Sở Công Thương (${config.agencyCode}) on NATS ${config.natsUrl}, prefix ${config.prefix}, stream ${config.stream}; HTTP on port ${config.httpPort}`,
  );
}

main().catch((err: Error) => {
  console.error(`the Industry and Trade agency (Sở Công Thương) failed to start: ${err.message}`);
  process.exit(1);
});
