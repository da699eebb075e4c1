import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Observable } from 'rxjs';
import { AppError } from '@ocop/contracts';

const QUERY = 4; // RouteParamtypes.QUERY (@nestjs/common/enums/route-paramtypes.enum)

/**
 * Refuses query parameters a route does not declare. A route with a query DTO (`@Query() q: ListXQuery`) has the
 * ValidationPipe refuse unknown ones already; this covers the routes that take no query, or only named parameters
 * (`@Query('service')`), where an unknown filter would otherwise be ignored and the caller get an unfiltered list.
 */
@Injectable()
export class DeclaredQueryInterceptor implements NestInterceptor {
  /** Per handler: the names it declares, or null when a DTO takes the whole query. */
  private readonly declared = new WeakMap<object, Set<string> | null>();

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const handler = ctx.getHandler();
    let names = this.declared.get(handler);
    if (names === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ?? {}) as Record<string, { data?: unknown }>;
      const query = Object.entries(args).filter(([key]) => key.split(':')[0] === String(QUERY)).map(([, a]) => a.data);
      names = query.some((data) => data === undefined) ? null : new Set(query.map(String));
      this.declared.set(handler, names);
    }
    if (names) {
      const given = ctx.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
      const unknown = Object.keys(given).find((key) => !names!.has(key));
      if (unknown !== undefined) throw AppError.validation('VALIDATION_FAILED', `property ${unknown} is not allowed`, unknown);
    }
    return next.handle();
  }
}
