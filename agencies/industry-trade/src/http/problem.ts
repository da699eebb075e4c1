/** RFC 9457 body: type, title, status, detail, instance, plus the stable code and the offending field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  field?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A refusal this service answers itself: its status, a stable code clients branch on, and the field at fault. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ProblemError';
  }

  /** 400 VALIDATION_FAILED (or another code) naming the field. */
  static validation(message: string, field: string, code = 'VALIDATION_FAILED'): ProblemError {
    return new ProblemError(400, code, message, field);
  }
}

export function problem(status: number, code: string, detail: string, instance: string, field?: string): Problem {
  return {
    type: `urn:ocop:problem:${code.toLowerCase()}`,
    title: code,
    status,
    detail,
    instance,
    code,
    ...(field ? { field } : {}),
  };
}
