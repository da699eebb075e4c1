import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, ErrorKind, HTTP_STATUS_OF_KIND } from '@ocop/contracts';
import { currentContext } from '@ocop/observability';
import { DomainRuleError } from '@ocop/domain';
import { toErrorPayload } from '@ocop/messaging';

/** RFC 9457 body: type, title, status, detail, instance, plus the stable code, the field and the correlation id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  field?: string;
  correlationId?: string;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string; field?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', detail: 'the request body is larger than allowed', field: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'use application/json (or multipart/form-data for uploads)',
    field: 'body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'the JSON body is empty', field: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'the body is not valid JSON', field: 'body' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', detail: 'the uploaded file is larger than allowed', field: 'file' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'MULTIPART_REQUIRED',
    detail: 'upload the file as multipart/form-data',
    field: 'file',
  },
};

/** Every error leaves the gateway as application/problem+json with a stable code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(err: unknown, host: ArgumentsHost): void {
    sendProblem(this.logger, err, host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>());
  }
}

/** Also used as Fastify's own error handler, for errors raised before Nest's handler runs (body parsing). */
export function sendProblem(logger: Logger, err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const p = problemOf(err, req);
  if (p.status >= 500) logger.error({ err, correlationId: p.correlationId }, 'request failed');
  void reply.status(p.status).header('content-type', 'application/problem+json; charset=utf-8').send(p);
}

export function problemOf(err: unknown, req: FastifyRequest): Problem {
  {
    const base = { instance: req.url, correlationId: currentContext()?.correlationId };
    // Nest wraps Fastify's body-parsing errors in an HttpException whose cause or message tells which.
    const cause = (err as { cause?: { code?: string } })?.cause;
    const fastifyCode =
      (err as { code?: string })?.code ??
      cause?.code ??
      (err instanceof HttpException && /not valid JSON/i.test(err.message) ? 'FST_ERR_CTP_INVALID_JSON_BODY' : undefined) ??
      (err instanceof HttpException && err.getStatus() === 413 ? 'FST_ERR_CTP_BODY_TOO_LARGE' : undefined) ??
      (err instanceof HttpException && err.getStatus() === 415 ? 'FST_ERR_CTP_INVALID_MEDIA_TYPE' : undefined);
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
      const f = FASTIFY_CODES[fastifyCode];
      return {
        type: `urn:ocop:problem:${f.code.toLowerCase()}`,
        title: f.code,
        status: f.status,
        detail: f.detail,
        code: f.code,
        field: f.field,
        ...base,
      };
    }
    if (err instanceof AppError || err instanceof DomainRuleError) {
      const e = toErrorPayload(err);
      return {
        type: `urn:ocop:problem:${e.code.toLowerCase()}`,
        title: e.code,
        status: HTTP_STATUS_OF_KIND[e.kind],
        detail: e.message,
        code: e.code,
        ...(e.field ? { field: e.field } : {}),
        ...base,
      };
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const code = status === 404 ? 'ROUTE_NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
      return { type: `urn:ocop:problem:${code.toLowerCase()}`, title: code, status, detail: err.message, code, ...base };
    }
    const status = (err as { statusCode?: number })?.statusCode;
    if (status === 429)
      return {
        type: 'urn:ocop:problem:rate_limited',
        title: 'RATE_LIMITED',
        status,
        detail: 'too many requests; try again later',
        code: 'RATE_LIMITED',
        ...base,
      };
    if (status && status >= 400 && status < 500) {
      return {
        type: 'urn:ocop:problem:bad_request',
        title: 'BAD_REQUEST',
        status,
        detail: (err as Error).message,
        code: 'BAD_REQUEST',
        ...base,
      };
    }
    // Anything else: the database's own refusals (a unique-key race, a value a column cannot hold) map to 4xx; the rest is opaque.
    const e = toErrorPayload(err);
    const st = HTTP_STATUS_OF_KIND[e.kind] ?? HTTP_STATUS_OF_KIND[ErrorKind.INTERNAL];
    return {
      type: `urn:ocop:problem:${e.code.toLowerCase()}`,
      title: e.code,
      status: st,
      detail: e.message,
      code: e.code,
      ...(e.field ? { field: e.field } : {}),
      ...base,
    };
  }
}
