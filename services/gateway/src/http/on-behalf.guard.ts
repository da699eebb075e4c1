import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError, RegistrationSubjects, Role, type Actor } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A consultant acts for one producer per request, named in `X-On-Behalf-Of`: the producer's grant in force is checked
 * with registration on every request (a revoked grant is refused at once, whatever the token says), and only then is
 * the producer put in the actor's scope, for every service. A consultant's scope never carries a producer otherwise.
 */
@Injectable()
export class OnBehalfGuard implements CanActivate {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const actor = req.actor;
    if (actor?.role !== Role.CONSULTANT) return true;
    const header = req.headers['x-on-behalf-of'];
    req.actor = { ...actor, scope: { ...actor.scope, producerId: null } };
    if (header === undefined) return true;
    if (typeof header !== 'string' || !UUID.test(header))
      throw AppError.validation('ON_BEHALF_OF_INVALID', 'X-On-Behalf-Of must be the id of a producer', 'X-On-Behalf-Of');
    await this.rpc.request(RegistrationSubjects.consultantGrantCheck, { producerId: header }, { actor: req.actor });
    req.actor = { ...actor, scope: { ...actor.scope, producerId: header.toLowerCase() } };
    return true;
  }
}
