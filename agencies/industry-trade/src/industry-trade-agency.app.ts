import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IndustryTradeAgencyConfig } from './config/industry-trade-agency.config';
import { IndustryTradeAgencyModule } from './industry-trade-agency.module';

/** A report's details are at most 10 000 characters: 64 KiB holds them in any script. */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The Department of Industry and Trade's (Sở Công Thương) service, built on @ocop/agency-sdk and the contract it ships:
 * its officers' HTTP API and the bus. Resolves once its NATS connection is open and its consumers run, not yet
 * listening (`app.listen(...)`; an in-process test listens on port 0); `app.close()` stops the consumers and drains the
 * connection.
 */
export async function createIndustryTradeAgencyApp(config: IndustryTradeAgencyConfig): Promise<NestFastifyApplication> {
  const logger =
    config.logLevels.length === 0
      ? false
      : new ConsoleLogger({ prefix: config.agencyCode, json: config.logFormat === 'json', logLevels: config.logLevels });
  const app = await NestFactory.create<NestFastifyApplication>(
    IndustryTradeAgencyModule.with(config),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    { logger, abortOnError: false },
  );
  try {
    // Bodies are JSON: a text/plain one is refused (415 UNSUPPORTED_MEDIA_TYPE) rather than validated as a string.
    app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
    await app.init();
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}
