import { AppError, ErrorKind, type Actor } from '@ocop/contracts';
import type { RpcContext } from './rpc';

/** Services check the role again (defence in depth): the gateway is not the only possible caller. */
export function requireActor(ctx: RpcContext): Actor {
  if (!ctx.actor) throw new AppError(ErrorKind.UNAUTHENTICATED, 'ACTOR_MISSING', 'this request needs an authenticated actor');
  return ctx.actor;
}

export function requireRole(ctx: RpcContext, roles: string[]): Actor {
  const actor = requireActor(ctx);
  if (!roles.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', `role ${actor.role} may not do this`);
  return actor;
}
