import 'reflect-metadata';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AuthGuard } from '@ocop/auth';
import { LocalDiskObjectStorage } from '@ocop/persistence';
import { Metrics } from '@ocop/observability';
import { HOST_HOOKS, createHostApp, hostLogger, type HostHooks, type HostParts } from '@ocop/service-kit';
import type { GatewayConfig } from './config/gateway.config';
import { GATEWAY_DATABASE } from './database/gateway.database';
import { GATEWAY_CONFIG, OBJECT_STORAGE, SHOWCASE_CACHE, VERIFICATION_CACHE } from './gateway.tokens';
import { ShowcaseCache } from './public/showcase.cache';
import { ProblemFilter } from './http/problem.filter';
import { completeOpenApi } from './http/operation-docs.openapi';
import { ProblemDoc } from './http/api-problems.decorator';
import { validationPipe } from './http/validation.pipe';
import { ActorContextGuard, installRequestContext } from './http/request-context.hook';
import { OnBehalfGuard } from './http/on-behalf.guard';
import { installSecurityHeaders } from './http/security-headers.hook';
import { UndeclaredQueryGuard, installInputGuard } from './http/input.guard';
import { frameworkErrorHandler, clientErrorHandler } from './http/framework-errors.handler';
import { IdentityModule } from './identity/identity.module';
import { BootstrapAdminUseCase } from './identity/bootstrap-admin.use-case';
import { SeedDemoUsersUseCase } from './identity/seed-demo-users.use-case';
import {
  DossiersController,
  OpinionsController,
  GuidanceController,
  ProductIdeasController,
  ProducersController,
  ReevaluationInvitationsController,
  RoundsController,
  UnitsController,
} from './registration/registration.controllers';
import { AdminController } from './admin/admin.controller';
import {
  CraftVillagesController,
  FundingController,
  NationalHubController,
  PlanTasksController,
  PlansController,
  ReportsController,
  RewardsController,
  SupportPoliciesController,
} from './programme/programme.controllers';
import {
  CataloguesController,
  CouncilsController,
  NominationsController,
  EvaluationsController,
  ScoringJobsController,
  SessionsController,
  MinistrySamplesController,
  EvaluationPlansController,
  EvaluationPlanAssignmentsController,
} from './scoring/scoring.controllers';
import { CertificatesController, CertificationJobsController, RevocationsController } from './certification/certification.controllers';
import { PublicVerificationController } from './public/public.controller';
import { ComplaintsController, PublicComplaintsController } from './registration/complaints.controllers';
import { ComplaintPagesController } from './public/complaint-pages.controller';
import { ConsultantGrantsController, ConsultantsController } from './registration/consultants.controllers';
import {
  InspectionJobsController,
  LabCredentialsController,
  LabsController,
  SamplesController,
} from './inspection/lab-testing.controllers';
import { CampaignsController } from './inspection/campaigns.controllers';
import {
  PromotionApplicationsController,
  PromotionEventsController,
  PublicTradePromotionController,
  SalesChannelsController,
  SalesPointsController,
  TradePromotionJobsController,
} from './trade-promotion/trade-promotion.controllers';
import { ShowcaseController } from './public/showcase.controller';
import { PublicTrainingController, TrainingController } from './training/training.controllers';
import { VerificationCache } from './public/verification.cache';
import { ReferenceController } from './reference/reference.controller';
import { AgenciesController } from './agencies/agencies.controller';
import { AGENCY_NATS, AgencyCredentialsUseCase } from './agencies/agency-credentials.use-case';
import { AgencyNatsAuthority } from './agencies/agency-nats.authority';
import { AgenciesRepository } from './agencies/agencies.repository';

const REDIS = Symbol('REDIS');
/** The route of the complaint form under a certificate's verification page (a plain HTML form, form-urlencoded). */
const COMPLAINT_FORM = '/verify/:code/complaint';

/** What the gateway closes besides the host's connections: its caches' subscriptions, the agencies' resolver connection and Redis. */
@Injectable()
class GatewayHooks implements HostHooks {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(VERIFICATION_CACHE) private readonly cache: VerificationCache,
    @Inject(SHOWCASE_CACHE) private readonly showcase: ShowcaseCache,
    @Inject(AGENCY_NATS) private readonly agencyNats: AgencyNatsAuthority,
  ) {}

  async stop(): Promise<void> {
    this.cache.stop();
    this.showcase.stop();
    await this.agencyNats.stop();
    this.redis.disconnect();
  }
}

@Module({})
class GatewayModule {
  static create(config: GatewayConfig, parts: HostParts, redis: Redis): DynamicModule {
    const { logger, nc, rpc, ds } = parts;
    const cache = new VerificationCache(nc, rpc, config.prefix, logger, {
      ttlMs: config.verifyCacheTtlMs,
      missTtlMs: 10_000,
      maxEntries: 100_000,
    });
    cache.start();
    const showcase = new ShowcaseCache(nc, config.prefix, logger, { ttlMs: config.showcaseCacheTtlMs, maxEntries: 1_000 });
    showcase.start();
    return {
      module: GatewayModule,
      imports: [
        parts.health,
        IdentityModule.register({
          dataSource: ds,
          rpc,
          jwtSecret: config.jwtSecret,
          tokenTtlSeconds: config.tokenTtlSeconds,
        }),
      ],
      controllers: [
        UnitsController,
        ProducersController,
        RoundsController,
        DossiersController,
        ReevaluationInvitationsController,
        OpinionsController,
        PlansController,
        PlanTasksController,
        SupportPoliciesController,
        RewardsController,
        ReportsController,
        CraftVillagesController,
        FundingController,
        NationalHubController,
        GuidanceController,
        ProductIdeasController,
        CataloguesController,
        CouncilsController,
        NominationsController,
        MinistrySamplesController,
        EvaluationPlansController,
        EvaluationPlanAssignmentsController,
        EvaluationsController,
        SessionsController,
        ScoringJobsController,
        CertificatesController,
        RevocationsController,
        CertificationJobsController,
        LabsController,
        LabCredentialsController,
        SamplesController,
        InspectionJobsController,
        CampaignsController,
        PromotionEventsController,
        PromotionApplicationsController,
        SalesPointsController,
        SalesChannelsController,
        TradePromotionJobsController,
        PublicTradePromotionController,
        ShowcaseController,
        TrainingController,
        PublicTrainingController,
        ReferenceController,
        PublicVerificationController,
        PublicComplaintsController,
        ComplaintPagesController,
        ComplaintsController,
        ConsultantsController,
        ConsultantGrantsController,
        AdminController,
        AgenciesController,
      ],
      providers: [
        ...parts.providers,
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: REDIS, useValue: redis },
        { provide: VERIFICATION_CACHE, useValue: cache },
        { provide: SHOWCASE_CACHE, useValue: showcase },
        { provide: OBJECT_STORAGE, useValue: new LocalDiskObjectStorage(config.storageDir) },
        { provide: AGENCY_NATS, useValue: new AgencyNatsAuthority(config.agencyNats) },
        AgencyCredentialsUseCase,
        AgenciesRepository,
        { provide: APP_GUARD, useClass: AuthGuard },
        // Guards run in this order: authentication and roles, a consultant's producer (its grant checked), then the actor
        // into the request context, then the query's names.
        { provide: APP_GUARD, useClass: OnBehalfGuard },
        { provide: APP_GUARD, useClass: ActorContextGuard },
        { provide: APP_GUARD, useClass: UndeclaredQueryGuard },
        { provide: APP_FILTER, useValue: new ProblemFilter(logger) },
        GatewayHooks,
        { provide: HOST_HOOKS, useExisting: GatewayHooks },
      ],
    };
  }
}

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('OCOP platform API')
    .setDescription(
      'Province OCOP programme (Chương trình mỗi xã một sản phẩm): registration, intake and case timeline. ' +
        'Errors are RFC 9457 application/problem+json with a stable `code` and the offending `field`. ' +
        'Outside production mode, `X-As-Of: <ISO instant>` sets "now" for every time rule of the request.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return completeOpenApi(SwaggerModule.createDocument(app, doc, { extraModels: [ProblemDoc] }));
}

/** Builds the gateway on the host (users schema, NATS, its identity edge): Redis, HTTP with security headers, OpenAPI. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const logger = hostLogger('gateway', config);
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${config.redisUrl} (${(err as Error).message}). Start it ('redis-server --daemonize yes' or 'docker compose -f deploy/docker-compose.yml up -d redis') or set REDIS_URL.`,
    );
  }
  let app: NestFastifyApplication;
  try {
    app = await createHostApp({
      name: 'gateway',
      config,
      logger,
      database: GATEWAY_DATABASE,
      // Services ask the gateway about users on the bus, in the queue group of its replicas.
      busQueue: 'gateway-identity',
      readiness: { redis: async () => void (await redis.ping()) },
      http: {
        bodyLimit: config.bodyLimitBytes,
        trustProxy: config.trustProxy.length ? config.trustProxy : false,
        // Errors Fastify raises before a route runs (a URL it cannot decode, an HTTP request the parser refuses) are problem+json too.
        frameworkErrors: frameworkErrorHandler(logger),
        clientErrorHandler: clientErrorHandler(logger),
      },
      module: (parts) => GatewayModule.create(config, parts, redis),
    });
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installRequestContext(fastify, config.mode === 'production', app.get(Metrics));
  installInputGuard(fastify);
  // Errors inside Fastify's lifecycle (body parsing, hooks) reach Nest's error handler and so ProblemFilter: no second handler here.
  installSecurityHeaders(fastify);
  await app.register(multipart as never, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });
  // The web console (apps/console), built: static files under /console/ (its API calls go to /api as everyone's).
  if (existsSync(join(config.consoleDir, 'index.html')))
    await app.register(fastifyStatic as never, {
      root: resolve(config.consoleDir),
      prefix: '/console/',
      redirect: true,
      decorateReply: false,
    });
  await app.register(rateLimit as never, { global: false, redis, nameSpace: `${config.redisPrefix}-ratelimit-` });
  const loginLimiter = (fastify as unknown as { rateLimit(o: object): (req: FastifyRequest, reply: unknown) => Promise<void> }).rateLimit({
    max: config.loginRateLimit,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) =>
      `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 100)}`,
  });
  // Public complaints need no login: each client address (behind trusted proxies only, as `req.ip` says) sends a few an hour.
  const complaintLimiter = (
    fastify as unknown as { rateLimit(o: object): (req: FastifyRequest, reply: unknown) => Promise<void> }
  ).rateLimit({
    max: config.complaintRateLimit,
    timeWindow: 3_600_000,
    keyGenerator: (req: FastifyRequest) => `complaint:${req.ip}`,
  });
  fastify.addHook('preHandler', async (req, reply) => {
    // The complaint form under a verification page is a plain HTML form: a form-urlencoded body (which Nest parses for
    // every route) is taken on that route only; anywhere else it is 415 UNSUPPORTED_MEDIA_TYPE.
    if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') && req.routeOptions.url !== COMPLAINT_FORM)
      throw Object.assign(new Error('unsupported media type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    if (req.method !== 'POST') return;
    if (req.routeOptions.url === '/api/auth/login') await loginLimiter(req, reply);
    else if (req.routeOptions.url?.startsWith('/api/public/complaints') || req.routeOptions.url === COMPLAINT_FORM)
      await complaintLimiter(req, reply);
  });
  app.setGlobalPrefix('api', {
    exclude: [
      'health/live',
      'health/ready',
      'metrics',
      'verify/:code',
      'verify/:code/complaint',
      'verify/complaints/:receiptCode',
      'verify-training/:code',
      'showcase',
    ],
  });
  app.useGlobalPipes(validationPipe);
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });

  if (config.demoData && (await app.get(SeedDemoUsersUseCase).execute())) logger.info('demo users loaded (password in README)');
  else if (await app.get(BootstrapAdminUseCase).execute(config.bootstrapAdminPassword))
    logger.warn('bootstrap admin created: change its password');
  return app;
}
