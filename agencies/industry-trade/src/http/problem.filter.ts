import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, type Problem } from './problem';

/** Fastify's own refusals of a body, by their error code. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', detail: 'the request body is larger than allowed' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'send the body as application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'the body is not valid JSON' },
};

/** The problem an error is answered with. Anything this service did not expect is a 500 that says nothing of its cause. */
export function problemOf(err: unknown, instance: string): Problem {
  if (err instanceof ProblemError) return problem(err.status, err.code, err.message, instance, err.field);
  // Nest wraps some of Fastify's body-parsing errors in an HttpException whose cause carries the code.
  const fastifyCode = (err as { code?: unknown })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  const known = typeof fastifyCode === 'string' ? FASTIFY_CODES[fastifyCode] : undefined;
  if (known) return problem(known.status, known.code, known.detail, instance, 'body');
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = status === 404 ? 'ROUTE_NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : `HTTP_${status}`;
    return problem(status, code, err.message, instance);
  }
  const status = (err as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return problem(status, 'BAD_REQUEST', (err as Error).message ?? 'the request is not valid', instance);
  return problem(500, 'INTERNAL', 'the service failed to handle the request', instance);
}

/** Every error leaves this service as application/problem+json with a stable code (the platform gateway's shape). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const p = problemOf(err, req.url);
    if (p.status >= 500) this.logger.error(`${req.method} ${req.url} failed: ${(err as Error)?.stack ?? String(err)}`);
    void http.getResponse<FastifyReply>().status(p.status).header('content-type', PROBLEM_CONTENT_TYPE).send(p);
  }
}
