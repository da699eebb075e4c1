import { randomUUID } from 'node:crypto';
import { ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isInstant, scopeLabel, type Actor } from '@ocop/contracts';
import { currentContext, runInContext, type Metrics } from '@ocop/observability';

const CORRELATION = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Every request runs in a context carrying its correlation id (taken from X-Correlation-Id or new)
 * and, outside production, an as-of instant from X-As-Of; both travel on to services over NATS.
 */
export function installRequestContext(fastify: FastifyInstance, production: boolean, metrics: Metrics): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    const given = req.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION.test(given) ? given : randomUUID();
    void reply.header('x-correlation-id', correlationId);
    const asOfHeader = req.headers['x-as-of'];
    let asOf: string | undefined;
    if (asOfHeader !== undefined) {
      if (production) return done(AppError.validation('AS_OF_NOT_ALLOWED', 'X-As-Of is refused in production mode', 'X-As-Of'));
      if (!isInstant(asOfHeader)) {
        return done(
          AppError.validation('AS_OF_INVALID', 'X-As-Of must be an ISO 8601 instant with its offset on a real calendar day', 'X-As-Of'),
        );
      }
      asOf = new Date(asOfHeader).toISOString();
    }
    runInContext({ correlationId, asOf, ...(asOf ? { asOfSource: 'request' as const } : {}) }, () => done());
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/**
 * After the auth guard authenticated the caller, the actor joins the request's context (logs, events). A guard that
 * always lets the request through, registered after the auth guard: an interceptor would wrap every answer in RxJS.
 */
@Injectable()
export class ActorContextGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const actor = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>().actor;
    const c = currentContext();
    if (c && actor) c.actor = { id: actor.id, role: actor.role, scope: scopeLabel(actor.scope) };
    return true;
  }
}
