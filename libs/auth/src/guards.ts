import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppError, ErrorKind, PUBLIC_CALL, rpcSpec, type Actor, type Role } from '@ocop/contracts';
import { TokenService } from './jwt';

const ROLES = 'ocop:roles';
const PUBLIC = 'ocop:public'; // also set by @ocop/observability's health controller

/** Only these roles may call the route (every route has either @Roles or @Public). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json)' }),
    ApiForbiddenResponse({ description: `Role not one of: ${roles.join(', ')} (problem+json)` }),
  );
/** No login needed (the public verification page, login itself, health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** The roles of the subject the route calls, as the RPC registry declares them (roles are declared once). */
export const RolesOf = (subject: string) => {
  const { roles } = rpcSpec(subject);
  if (roles === PUBLIC_CALL) return Public();
  return Roles(...roles);
};

interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/**
 * Global guard: authenticates the bearer token, then checks the route's roles. A route with
 * neither @Roles nor @Public is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    // The gateway's NATS edge (identity) is guarded by its RPC controllers' registry guard, not by tokens.
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const actor = token ? await this.tokens.verify(token) : undefined;
    if (!actor) throw new AppError(ErrorKind.UNAUTHENTICATED, 'UNAUTHENTICATED', 'a valid bearer token is required');
    req.actor = actor;
    if (!roles) throw AppError.forbidden('ROUTE_NOT_GUARDED', 'this route declares no roles');
    if (!roles.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', `role ${actor.role} may not do this`);
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new AppError(ErrorKind.UNAUTHENTICATED, 'UNAUTHENTICATED', 'a valid bearer token is required');
  return actor;
});
