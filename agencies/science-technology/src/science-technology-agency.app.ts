import type { INestApplicationContext } from '@nestjs/common';
import { createAgencyServiceContext } from '@ocop/agency-sdk';
import type { ScienceTechnologyAgencyConfig } from './config/science-technology-agency.config';
import { ScienceTechnologyAgencyModule } from './science-technology-agency.module';

/**
 * The Department of Science and Technology's (Sở Khoa học và Công nghệ) service, on @ocop/agency-sdk only: its opinion
 * on whether a dossier holds its traceability and intellectual-property documents, and its answers to guidance questions.
 */
export function createScienceTechnologyAgencyApp(config: ScienceTechnologyAgencyConfig): Promise<INestApplicationContext> {
  return createAgencyServiceContext(ScienceTechnologyAgencyModule.with(config), config);
}
