import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError } from '@ocop/contracts';
import { sendProblem, type Problem } from './problem.filter';

/** Fastify's own refusals before routing (a URL it cannot decode), answered through the same problem+json writer. */
export function frameworkErrorHandler(logger: Logger) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const problem =
      err.code === 'FST_ERR_BAD_URL'
        ? AppError.validation('URL_INVALID', 'the URL is not correctly percent-encoded', 'path')
        : AppError.validation('REQUEST_INVALID', err.message, 'path');
    sendProblem(logger, problem, req, reply);
  };
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'HEADERS_TOO_LARGE',
    detail: 'the URL and headers are larger than allowed (16 KB)',
  },
  HPE_URI_TOO_LONG: { status: 414, reason: 'URI Too Long', code: 'URL_TOO_LONG', detail: 'the URL is longer than allowed' },
};

/** Requests Node's HTTP parser refuses (over-long headers or URL, malformed requests) never reach Fastify: answer them as problem+json on the socket. */
export function clientErrorHandler(logger: Logger) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const c = CLIENT_ERRORS[err.code ?? ''] ?? {
      status: 400,
      reason: 'Bad Request',
      code: 'REQUEST_MALFORMED',
      detail: 'the HTTP request is malformed',
    };
    const problem: Problem = {
      type: `urn:ocop:problem:${c.code.toLowerCase()}`,
      title: c.code,
      status: c.status,
      detail: c.detail,
      instance: '',
      code: c.code,
      field: 'request',
    };
    const body = JSON.stringify(problem);
    logger.debug({ code: err.code }, 'client error');
    socket.end(
      `HTTP/1.1 ${c.status} ${c.reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
