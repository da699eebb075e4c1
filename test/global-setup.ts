import { createTemplateDatabase, findMissingInfrastructure, infraUrlsFromEnv, TEMPLATE_DB_ENV } from '@ocop/testing';
import { REGISTRATION_DATABASE } from '../services/registration/src/database/registration.database';
import { GATEWAY_DATABASE } from '../services/gateway/src/database/gateway.database';
import { SCORING_DATABASE } from '../services/scoring/src/database/scoring.database';
import { CERTIFICATION_DATABASE } from '../services/certification/src/database/certification.database';
import { INSPECTION_DATABASE } from '../services/inspection/src/database/inspection.database';
import { TRADE_PROMOTION_DATABASE } from '../services/trade-promotion/src/database/trade-promotion.database';
import { TRAINING_DATABASE } from '../services/training/src/database/training.database';
import { PROGRAMME_DATABASE } from '../services/programme/src/database/programme.database';

/** Once per jest run: check the three services, then build the migrated template every test file clones. */
export default async function globalSetup(): Promise<void> {
  const urls = infraUrlsFromEnv();
  const missing = await findMissingInfrastructure(urls);
  if (missing.length) throw new Error(`Tests need PostgreSQL, NATS (JetStream) and Redis:\n- ${missing.join('\n- ')}`);
  const name = `ocop_template_${process.pid}`;
  await createTemplateDatabase(urls.databaseUrl, name, [
    REGISTRATION_DATABASE,
    SCORING_DATABASE,
    CERTIFICATION_DATABASE,
    INSPECTION_DATABASE,
    TRADE_PROMOTION_DATABASE,
    TRAINING_DATABASE,
    PROGRAMME_DATABASE,
    GATEWAY_DATABASE,
  ]);
  process.env[TEMPLATE_DB_ENV] = name;
}
