import {
  Catch,
  Controller,
  Logger,
  UseFilters,
  UseGuards,
  UsePipes,
  applyDecorators,
  createParamDecorator,
  type ArgumentMetadata,
  type ArgumentsHost,
  type CanActivate,
  type ExecutionContext,
  type PipeTransform,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';
import { throwError, type Observable } from 'rxjs';
import { AppError, ErrorKind, PUBLIC_CALL, rpcSpec, validateInto, type ErrorPayload } from '@ocop/contracts';
import { toErrorPayload } from '../error-mapping';
import type { RpcContext } from '../rpc';
import { BusContext } from './bus-context';
import { EventContext } from './event-context';
import { MALFORMED_BODY, malformedBody } from './bus-serialization';

const busContextOf = (ctx: ExecutionContext | ArgumentsHost): BusContext | undefined => {
  const c = ctx.switchToRpc().getContext<unknown>();
  return c instanceof BusContext ? c : undefined;
};

/**
 * Checks the caller against the roles the RPC registry declares for the subject (defence in depth: the gateway
 * is not the only possible caller). Scope stays the use case's, which knows the record.
 */
class RegistryRolesGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const bus = busContextOf(ctx);
    if (!bus) {
      // A feature handler's @OnEvent methods: events are not a caller's request (the producer checked its caller).
      if (ctx.switchToRpc().getContext<unknown>() instanceof EventContext) return true;
      throw new Error('an RPC controller runs on the BusServer and JetStreamServer transports only');
    }
    const { roles } = rpcSpec(bus.pattern);
    if (roles === PUBLIC_CALL) return true;
    const actor = bus.call.actor;
    if (!actor) throw new AppError(ErrorKind.UNAUTHENTICATED, 'ACTOR_MISSING', 'this request needs an authenticated actor');
    if (!roles.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', `role ${actor.role} may not do this`);
    return true;
  }
}

/** Validates the payload into the subject's contract class (unknown fields refused). */
class ContractPipe implements PipeTransform {
  constructor(private readonly request: ClassConstructor<object> | undefined) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Nest's pipes see `@Payload()` as 'body' (RpcParamtype.PAYLOAD shares RouteParamtypes.BODY's number).
    if (metadata.type !== 'body') return value;
    if (value === MALFORMED_BODY) throw malformedBody();
    return this.request ? validateInto(this.request, value) : value;
  }
}

/** Every error becomes the typed error reply; an unexpected one is logged with its subject and correlation id. */
@Catch()
class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('rpc');

  catch(err: unknown, host: ArgumentsHost): Observable<never> {
    // An event handler's error goes back to its consumer as it is (retries, UnrecoverableEventError, dead letters).
    if (host.switchToRpc().getContext<unknown>() instanceof EventContext) return throwError(() => err);
    const error: ErrorPayload = toErrorPayload(err);
    if (error.kind === ErrorKind.INTERNAL) {
      const bus = busContextOf(host);
      this.logger.error({ err, subject: bus?.pattern, correlationId: bus?.call.correlationId }, 'request failed');
    }
    return throwError(() => error);
  }
}

/**
 * A feature's bus edge: a controller whose `@Handles` methods answer request/reply subjects declared in the RPC registry
 * and whose `@OnEvent` methods handle events in the service's durable consumers (not HTTP: left out of OpenAPI).
 */
export const RpcController = (): ClassDecorator =>
  applyDecorators(Controller(), ApiExcludeController(), UseGuards(new RegistryRolesGuard()), UseFilters(new RpcErrorFilter()));

/** Answers one subject; the payload (`@Payload()`) is validated into the contract class the registry declares for it. */
export const Handles = (subject: string): MethodDecorator =>
  applyDecorators(MessagePattern(subject), UsePipes(new ContractPipe(rpcSpec(subject).request)));

/** The call's actor, as-of instant and correlation id. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): RpcContext => {
  const bus = busContextOf(ctx);
  if (!bus) throw new Error('@Caller() needs the BusServer transport');
  return bus.call;
});
