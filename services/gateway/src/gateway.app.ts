import 'reflect-metadata';
import {
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type DynamicModule,
  Inject,
  Injectable,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AuthGuard } from '@ocop/auth';
import { BusServer, RpcClient, busReadinessChecks, connectNats } from '@ocop/messaging';
import { LocalDiskObjectStorage, createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import { HealthModule, Metrics, PinoNestLogger, createLogger } from '@ocop/observability';
import type { GatewayConfig } from './config/gateway.config';
import { GATEWAY_DATABASE } from './database/gateway.database';
import { GATEWAY_CONFIG, LOGGER, OBJECT_STORAGE, VERIFICATION_CACHE } from './gateway.tokens';
import { ProblemFilter } from './http/problem.filter';
import { completeOpenApi } from './http/operation-docs';
import { ProblemDoc } from './http/api-problems.decorator';
import { validationPipe } from './http/pipes';
import { ActorContextInterceptor, installRequestContext } from './http/request-context';
import { UndeclaredQueryInterceptor, installInputGuard } from './http/input-guard';
import { frameworkErrorHandler, clientErrorHandler } from './http/framework-errors';
import { IdentityModule } from './identity/identity.module';
import { BootstrapAdminUseCase } from './identity/bootstrap-admin.use-case';
import { SeedDemoUsersUseCase } from './identity/seed-demo-users.use-case';
import {
  DossiersController,
  ProducersController,
  ReevaluationInvitationsController,
  RoundsController,
  UnitsController,
} from './registration/registration.controllers';
import { AdminController } from './admin/admin.controller';
import {
  CataloguesController,
  CouncilsController,
  EvaluationsController,
  ScoringJobsController,
  SessionsController,
} from './scoring/scoring.controllers';
import { CertificatesController, CertificationJobsController, RevocationsController } from './certification/certification.controllers';
import { PublicVerificationController } from './public/public.controller';
import {
  InspectionJobsController,
  LabCredentialsController,
  LabsController,
  SamplesController,
} from './inspection/lab-testing.controllers';
import { CampaignsController } from './inspection/campaigns.controllers';
import { VerificationCache } from './public/verification-cache';
import { ReferenceController } from './reference/reference.controller';

const NATS = Symbol('NATS');
const REDIS = Symbol('REDIS');

@Injectable()
class GatewayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly bus: BusServer,
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly ds: DataSource,
    @Inject(VERIFICATION_CACHE) private readonly cache: VerificationCache,
  ) {}
  /** The gateway's own NATS edge (identity) answers once every provider exists. */
  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => void this.bus.listen((err) => (err ? reject(err) : resolve())));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.close();
    this.cache.stop();
    await this.nc.drain().catch(() => undefined);
    this.redis.disconnect();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Module({})
class GatewayModule {
  static create(
    config: GatewayConfig,
    ds: DataSource,
    nc: NatsConnection,
    redis: Redis,
    logger: Logger,
    metrics: Metrics,
    bus: BusServer,
  ): DynamicModule {
    const rpc = new RpcClient(nc, config.prefix, config.rpcTimeoutMs);
    const cache = new VerificationCache(nc, rpc, config.prefix, logger, {
      ttlMs: config.verifyCacheTtlMs,
      missTtlMs: 10_000,
      maxEntries: 100_000,
    });
    cache.start();
    return {
      module: GatewayModule,
      imports: [
        HealthModule.forRoot(metrics, {
          ...busReadinessChecks(ds, nc),
          redis: async () => {
            await redis.ping();
          },
        }),
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
        CataloguesController,
        CouncilsController,
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
        ReferenceController,
        PublicVerificationController,
        AdminController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: DataSource, useValue: ds },
        { provide: NATS, useValue: nc },
        { provide: BusServer, useValue: bus },
        { provide: REDIS, useValue: redis },
        { provide: LOGGER, useValue: logger },
        { provide: RpcClient, useValue: rpc },
        { provide: VERIFICATION_CACHE, useValue: cache },
        { provide: OBJECT_STORAGE, useValue: new LocalDiskObjectStorage(config.storageDir) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: ActorContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: UndeclaredQueryInterceptor },
        { provide: APP_FILTER, useValue: new ProblemFilter(logger) },
        GatewayLifecycle,
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

/** Builds the gateway: migrated users schema, NATS, Redis, HTTP with security headers and OpenAPI. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const logger = createLogger('gateway', config.logLevel, config.logFormat);
  const metrics = new Metrics('gateway');
  const ds = createServiceDataSource({ ...GATEWAY_DATABASE, url: config.databaseUrl, applicationName: 'gateway' });
  await initializeServiceDatabase(ds);
  const nc = await connectNats(config.natsUrl, 'gateway');
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  try {
    await redis.connect();
  } catch (err) {
    throw new Error(
      `Redis is not reachable at ${config.redisUrl} (${(err as Error).message}). Start it ('redis-server --daemonize yes' or 'docker compose -f deploy/docker-compose.yml up -d redis') or set REDIS_URL.`,
    );
  }

  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    // Errors Fastify raises before a route runs (a URL it cannot decode, an HTTP request the parser refuses) are problem+json too.
    frameworkErrors: frameworkErrorHandler(logger),
    clientErrorHandler: clientErrorHandler(logger),
  });
  // Services ask the gateway about users on the bus, in the queue group of its replicas.
  const bus = new BusServer(nc, { prefix: config.prefix, queue: 'gateway-identity' }, logger, metrics);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.create(config, ds, nc, redis, logger, metrics, bus), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.connectMicroservice({ strategy: bus });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installRequestContext(fastify, config.mode === 'production', metrics);
  installInputGuard(fastify);
  // Errors inside Fastify's lifecycle (body parsing, hooks) reach Nest's error handler and so ProblemFilter: no second handler here.
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(multipart as never, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });
  await app.register(rateLimit as never, { global: false, redis, nameSpace: `${config.redisPrefix}-ratelimit-` });
  const loginLimiter = (fastify as unknown as { rateLimit(o: object): (req: FastifyRequest, reply: unknown) => Promise<void> }).rateLimit({
    max: config.loginRateLimit,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) =>
      `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 100)}`,
  });
  fastify.addHook('preHandler', async (req, reply) => {
    if (req.method === 'POST' && req.routeOptions.url === '/api/auth/login') await loginLimiter(req, reply);
  });
  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready', 'metrics', 'verify/:code'] });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });

  if (config.demoData && (await app.get(SeedDemoUsersUseCase).execute())) logger.info('demo users loaded (password in README)');
  else if (await app.get(BootstrapAdminUseCase).execute(config.bootstrapAdminPassword))
    logger.warn('bootstrap admin created: change its password');
  return app;
}
