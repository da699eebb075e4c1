import { Controller, Get, Header, Module, SetMetadata, type DynamicModule } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { Metrics } from './metrics';

/** A readiness check: resolves when the dependency answers, rejects with the reason otherwise. */
export type ReadinessCheck = () => Promise<void>;

/** The checks /health/ready runs: the host's own, plus those a service's providers add (e.g. its job schedulers). */
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(initial: Record<string, ReadinessCheck> = {}) {
    for (const [name, check] of Object.entries(initial)) this.add(name, check);
  }

  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check ${name} is declared twice`);
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}

/** Probes and scrapes need no login: same metadata key as @Public() of @ocop/auth. */
@SetMetadata('ocop:public', true)
@ApiExcludeController()
@Controller()
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly metrics: Metrics,
    private readonly checks: ReadinessChecks,
  ) {}

  /** Liveness: the process answers. Never depends on other systems, so a slow database does not restart pods. */
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: every dependency this process needs answers. */
  @Get('health/ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.checks.entries().map(([name, check]) => async () => {
        const session = this.indicators.check(name);
        try {
          await check();
          return session.up();
        } catch (err) {
          return session.down({ message: (err as Error).message });
        }
      }),
    );
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** /health/live, /health/ready and /metrics for any service; its providers may add readiness checks (ReadinessChecks). */
@Module({})
export class HealthModule {
  static forRoot(metrics: Metrics, checks: Record<string, ReadinessCheck>): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule],
      controllers: [HealthController],
      providers: [
        { provide: Metrics, useValue: metrics },
        { provide: ReadinessChecks, useValue: new ReadinessChecks(checks) },
      ],
      exports: [Metrics, ReadinessChecks],
    };
  }
}
