import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventPublisher } from '@ocop/messaging';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { loadToolConfig } from '../../tools/config';
import { createRegistrationApp } from '../../services/registration/src/registration.app';
import { loadRegistrationConfig } from '../../services/registration/src/config/registration.config';
import { createScoringApp } from '../../services/scoring/src/scoring.app';
import { loadScoringConfig, type ScoringConfig } from '../../services/scoring/src/config/scoring.config';
import { createCertificationApp } from '../../services/certification/src/certification.app';
import { loadCertificationConfig, type CertificationConfig } from '../../services/certification/src/config/certification.config';
import { createInspectionApp } from '../../services/inspection/src/inspection.app';
import { loadInspectionConfig } from '../../services/inspection/src/config/inspection.config';
import { createTradePromotionApp } from '../../services/trade-promotion/src/trade-promotion.app';
import { loadTradePromotionConfig } from '../../services/trade-promotion/src/config/trade-promotion.config';
import { createTrainingApp } from '../../services/training/src/training.app';
import { loadTrainingConfig, type TrainingConfig } from '../../services/training/src/config/training.config';
import { createProgrammeApp } from '../../services/programme/src/programme.app';
import { loadProgrammeConfig, type ProgrammeConfig } from '../../services/programme/src/config/programme.config';
import { createGatewayApp } from '../../services/gateway/src/gateway.app';
import { loadGatewayConfig, type GatewayConfig } from '../../services/gateway/src/config/gateway.config';
import { buildOpenApi } from '../../services/gateway/src/gateway.app';
import { openApiResponseChecker, type OpenApiDoc, type RecordedResponse } from './openapi-responses';
import { bodyOf, clientOf, requestOf, type PlatformClient } from './http';

export { PDF, multipartBody } from './http';

export const TEST_ADMIN_PASSWORD = 'test-admin-password-2026';

/** The platform in this process; `http` goes through Fastify's injector (the full HTTP stack, no socket). */
export interface Platform extends PlatformClient {
  env: TestEnv;
  gateway: NestFastifyApplication;
  registration: NestFastifyApplication;
  scoring: NestFastifyApplication;
  /** Absent when started with `certification: false`. */
  certification?: NestFastifyApplication;
  inspection: NestFastifyApplication;
  tradePromotion: NestFastifyApplication;
  training: NestFastifyApplication;
  programme: NestFastifyApplication;
  /** Where uploads and lab result sheets are stored. */
  storageDir: string;
  /** Environment every service process of this platform was started with (for extra processes, e.g. a second certification). */
  common: Record<string, string>;
  /** Every response `http` returned, in order. */
  responses: RecordedResponse[];
  /** Mismatches between the recorded responses and the response schemas of the gateway's OpenAPI document. */
  checkResponses(): string[];
  /** Stops everything, then fails if a recorded response does not match the document (unless OCOP_CHECK_RESPONSES=false). */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  demoData?: boolean;
  /** Another NATS than the test environment's for every process (e.g. a server of the test's own in operator mode, with the platform's `.creds`). */
  nats?: { url: string; credsFile?: string };
  /** Another subject prefix and stream than the test environment's (with `nats`: a server of the test's own, whose accounts name them). */
  bus?: { prefix: string; stream: string };
  gateway?: Partial<GatewayConfig>;
  /** Settings of the scoring process (e.g. allowProvisionalCertification: the shipped 148 catalogue is PROVISIONAL). */
  scoring?: Partial<ScoringConfig>;
  publisher?: EventPublisher;
  /** Settings of the training process (e.g. councilWarnings). */
  training?: Partial<TrainingConfig>;
  /** Settings of the programme process (e.g. nationalHubProvinces: the national hub). */
  programme?: Partial<ProgrammeConfig>;
  /** Settings of the certification process; false runs the platform without it (a test that plays certification's events itself). */
  certification?: Partial<CertificationConfig> | false;
}

/** Starts registration, scoring and the gateway in this process against the file's own database, prefix and stream. */
export async function startPlatform(o: PlatformOptions = {}): Promise<Platform> {
  const env = await createTestEnv();
  const storageDir = await mkdtemp(join(tmpdir(), 'ocop-storage-'));
  const common = {
    OCOP_MODE: 'test',
    DATABASE_URL: env.databaseUrl,
    NATS_URL: o.nats?.url ?? env.natsUrl,
    ...(o.nats?.credsFile ? { NATS_CREDS_FILE: o.nats.credsFile } : {}),
    REDIS_URL: env.redisUrl,
    OCOP_SUBJECT_PREFIX: o.bus?.prefix ?? env.prefix,
    OCOP_STREAM: o.bus?.stream ?? env.stream,
    LOG_LEVEL: loadToolConfig().testLogLevel,
    OCOP_DEMO_DATA: o.demoData === false ? 'false' : 'true',
  };
  const registration = await createRegistrationApp(
    {
      ...loadRegistrationConfig({ ...common, REDIS_PREFIX: env.redisPrefix }),
      relayPollIntervalMs: 200,
      consumerBackoffMs: [100, 200, 400],
    },
    { publisher: o.publisher },
  );
  await registration.init();
  const scoring = await createScoringApp({
    ...loadScoringConfig({ ...common, REDIS_PREFIX: env.redisPrefix }),
    relayPollIntervalMs: 200,
    consumerBackoffMs: [100, 200, 400],
    ...o.scoring,
  });
  await scoring.init();
  const certification =
    o.certification === false
      ? undefined
      : await createCertificationApp({
          ...loadCertificationConfig({ ...common, REDIS_PREFIX: env.redisPrefix }),
          relayPollIntervalMs: 200,
          consumerBackoffMs: [100, 200, 400],
          ...o.certification,
        });
  await certification?.init();
  const inspection = await createInspectionApp({
    ...loadInspectionConfig({ ...common, REDIS_PREFIX: env.redisPrefix, STORAGE_DIR: storageDir }),
    relayPollIntervalMs: 200,
    consumerBackoffMs: [100, 200, 400],
  });
  await inspection.init();
  const tradePromotion = await createTradePromotionApp({
    ...loadTradePromotionConfig({ ...common, REDIS_PREFIX: env.redisPrefix }),
    relayPollIntervalMs: 200,
    consumerBackoffMs: [100, 200, 400],
  });
  await tradePromotion.init();
  const training = await createTrainingApp({
    ...loadTrainingConfig(common),
    relayPollIntervalMs: 200,
    consumerBackoffMs: [100, 200, 400],
    ...o.training,
  });
  await training.init();
  const programme = await createProgrammeApp({
    ...loadProgrammeConfig({ ...common, REDIS_PREFIX: env.redisPrefix }),
    relayPollIntervalMs: 200,
    consumerBackoffMs: [100, 200, 400],
    ...o.programme,
  });
  await programme.init();
  const gateway = await createGatewayApp({
    ...loadGatewayConfig({
      ...common,
      STORAGE_DIR: storageDir,
      REDIS_PREFIX: env.redisPrefix,
      BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    }),
    ...o.gateway,
  });
  await gateway.init();
  await gateway.getHttpAdapter().getInstance().ready();

  const http: Platform['http'] = async (method, url, x = {}) => {
    const { headers, payload } = requestOf(x);
    const res = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: method as 'GET', url, headers, payload });
    const body = bodyOf(res.body);
    responses.push({ method, url, status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body });
    return { status: res.statusCode, body, headers: res.headers };
  };
  const responses: RecordedResponse[] = [];
  const checkResponses = (): string[] => {
    const check = openApiResponseChecker(buildOpenApi(gateway) as unknown as OpenApiDoc);
    // The document itself is served, not described.
    return [...new Set(responses.filter((r) => !r.url.startsWith('/api/docs')).flatMap(check))];
  };

  const platform: Platform = {
    env,
    gateway,
    registration,
    scoring,
    certification,
    inspection,
    tradePromotion,
    training,
    programme,
    storageDir,
    common: { ...common, REDIS_PREFIX: env.redisPrefix },
    responses,
    checkResponses,
    ...clientOf(http),
    async stop() {
      const drift = loadToolConfig().checkResponses ? checkResponses() : [];
      await gateway.close();
      // The property, not the local: a test may swap in another certification process (key rotation).
      await platform.certification?.close();
      await programme.close();
      await training.close();
      await tradePromotion.close();
      await inspection.close();
      await scoring.close();
      await registration.close();
      await env.cleanup();
      await rm(storageDir, { recursive: true, force: true });
      if (drift.length) throw new Error(`responses that do not match docs/openapi.json:\n${drift.join('\n')}`);
    },
  };
  return platform;
}
