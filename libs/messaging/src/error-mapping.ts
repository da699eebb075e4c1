import { AppError, ErrorKind, type ErrorPayload } from '@ocop/contracts';
import { DomainRuleError } from '@ocop/domain';

/** Domain rule codes that mean "the resource is not in a state that allows this". */
const CONFLICT_CODES = new Set(['DOSSIER_INVALID_TRANSITION']);

/** Maps anything a use case throws to the error payload that crosses processes. Unknown errors stay opaque. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  if (err instanceof DomainRuleError) {
    const kind = CONFLICT_CODES.has(err.code) ? ErrorKind.CONFLICT : err.field ? ErrorKind.VALIDATION : ErrorKind.RULE;
    return { code: err.code, kind, message: err.message, ...(err.field ? { field: err.field } : {}) };
  }
  return { code: 'INTERNAL_ERROR', kind: ErrorKind.INTERNAL, message: 'internal error' };
}

/** Whether retrying the same input can ever succeed. */
export function isPermanent(err: unknown): boolean {
  if (err instanceof DomainRuleError) return true;
  return err instanceof AppError && err.kind !== ErrorKind.UNAVAILABLE && err.kind !== ErrorKind.INTERNAL;
}
