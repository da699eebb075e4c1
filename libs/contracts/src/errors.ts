/** How an error should be treated by any transport (HTTP status, retry or not). */
export enum ErrorKind {
  VALIDATION = 'VALIDATION', // 400: the input is malformed; names the field
  UNAUTHENTICATED = 'UNAUTHENTICATED', // 401
  FORBIDDEN = 'FORBIDDEN', // 403: known resource, action not allowed for this role/scope
  NOT_FOUND = 'NOT_FOUND', // 404: unknown, or outside the caller's scope (not revealed)
  CONFLICT = 'CONFLICT', // 409: the resource's state forbids this now
  RULE = 'RULE', // 422: well-formed, but a business rule refuses it
  RATE_LIMITED = 'RATE_LIMITED', // 429
  UNAVAILABLE = 'UNAVAILABLE', // 503: a dependency does not answer; retry later
  INTERNAL = 'INTERNAL', // 500
}

export const HTTP_STATUS_OF_KIND: Record<ErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The error shape that crosses processes (NATS replies) and becomes RFC 9457 problem+json at the edge. */
export interface ErrorPayload {
  code: string;
  kind: ErrorKind;
  message: string;
  field?: string;
}

/** A typed application error. Business code throws this (or a domain rule error), never an HTTP exception. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(code: string, message: string, field?: string): AppError {
    return new AppError(ErrorKind.VALIDATION, code, message, field);
  }
  static notFound(code: string, message: string, field?: string): AppError {
    return new AppError(ErrorKind.NOT_FOUND, code, message, field);
  }
  static forbidden(code: string, message: string, field?: string): AppError {
    return new AppError(ErrorKind.FORBIDDEN, code, message, field);
  }
  static conflict(code: string, message: string, field?: string): AppError {
    return new AppError(ErrorKind.CONFLICT, code, message, field);
  }
  static rule(code: string, message: string, field?: string): AppError {
    return new AppError(ErrorKind.RULE, code, message, field);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, kind: this.kind, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

/** Reply of every NATS request. */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
