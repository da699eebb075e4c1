import type { INestApplicationContext } from '@nestjs/common';
import { createAgencyServiceContext } from '@ocop/agency-sdk';
import type { HealthAgencyConfig } from './config/health-agency.config';
import { HealthAgencyModule } from './health-agency.module';

/**
 * The Department of Health's (Sở Y tế) service: no HTTP, only the bus, built on @ocop/agency-sdk and the contract it
 * ships. Resolves once its NATS connection is open and its consumers run (an e2e test starts it in-process with its own
 * config; `app.close()` stops the consumers and drains the connection).
 */
export function createHealthAgencyApp(config: HealthAgencyConfig): Promise<INestApplicationContext> {
  return createAgencyServiceContext(HealthAgencyModule.with(config), config);
}
