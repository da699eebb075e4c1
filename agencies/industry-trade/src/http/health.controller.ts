import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AgencyReadiness, type AgencyReadinessReport } from '@ocop/agency-sdk';

/** Probes: live while the process answers; ready while NATS answers a round trip and every consumer runs. */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: AgencyReadiness) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'unavailable' } & AgencyReadinessReport> {
    const report = await this.readiness.check();
    void reply.status(report.ready ? 200 : 503);
    return { status: report.ready ? 'ok' : 'unavailable', ...report };
  }
}
