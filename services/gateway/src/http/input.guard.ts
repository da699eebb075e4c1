import { ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@ocop/contracts';

/** How deep a JSON body or query may nest (the deepest contract is a few levels: a campaign's rule weights). */
export const MAX_INPUT_DEPTH = 16;

// A NUL, or a UTF-16 surrogate that is not part of a pair: PostgreSQL refuses both in text.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses text that no column can store, naming where it is (`members.0.name`, `query.status`, `file`). */
export function assertStorableText(value: string, field: string): void {
  if (BAD_TEXT.test(value))
    throw AppError.validation('TEXT_INVALID', `${field} contains a NUL character or a broken UTF-16 surrogate`, field);
}

/**
 * Walks a parsed input without recursion: every key and string is storable text, and nothing nests
 * deeper than MAX_INPUT_DEPTH. Paths name the offending field the way validation errors do.
 */
export function assertSafeInput(input: unknown, root = ''): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: input, path: root, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      assertStorableText(v, path || 'body');
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      throw AppError.validation('INPUT_TOO_DEEP', `${path || 'body'} nests deeper than ${MAX_INPUT_DEPTH} levels`, path || 'body');
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
    for (const [k, x] of entries) {
      const p = path ? `${path}.${k}` : k;
      assertStorableText(k, p);
      stack.push({ v: x, path: p, depth: depth + 1 });
    }
  }
}

/** Body, query and path parameters of every request are checked before validation and routing to a handler. */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (req: FastifyRequest) => {
    assertSafeInput(req.params);
    assertSafeInput(req.query);
    if (!req.isMultipart?.()) assertSafeInput(req.body);
  });
}

interface RouteArg {
  index: number;
  data?: string;
}

/**
 * Query parameters a route does not declare are refused, not ignored: a route with a query class is
 * checked by the validation pipe (unknown fields refused); a route with named `@Query('x')` parameters
 * or none refuses every other name here.
 */
@Injectable()
export class UndeclaredQueryGuard implements CanActivate {
  private readonly declared = new WeakMap<object, Set<string> | 'class'>();

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const handler = ctx.getHandler();
    let allowed = this.declared.get(handler);
    if (!allowed) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ?? {}) as Record<string, RouteArg>;
      const queries = Object.entries(args)
        .filter(([key]) => key.split(':')[0] === String(RouteParamtypes.QUERY))
        .map(([, a]) => a);
      allowed = queries.some((a) => a.data === undefined) ? 'class' : new Set(queries.map((a) => a.data!));
      this.declared.set(handler, allowed);
    }
    if (allowed !== 'class') {
      const query = (ctx.switchToHttp().getRequest<FastifyRequest>().query ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(query).find((k) => !(allowed as Set<string>).has(k));
      if (unknown !== undefined) {
        const known = [...(allowed as Set<string>)];
        // The same code as an unknown field of a query class (the validation pipe's refusal), so a client sees one rule.
        throw AppError.validation(
          'VALIDATION_FAILED',
          `property ${unknown} is not allowed${known.length ? ` (accepted: ${known.join(', ')})` : ''}`,
          unknown,
        );
      }
    }
    return true;
  }
}
