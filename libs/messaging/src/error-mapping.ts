import { AppError, ErrorKind, type ErrorPayload } from '@ocop/contracts';
import { DomainRuleError } from '@ocop/domain';

/** Domain rule codes that mean "the resource is not in a state that allows this". */
const CONFLICT_CODES = new Set(['DOSSIER_INVALID_TRANSITION']);

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/** The PostgreSQL error behind a TypeORM QueryFailedError (or a pg error itself). */
function pgErrorOf(err: unknown): PgError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = (err as { driverError?: PgError }).driverError ?? (err as PgError);
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : undefined;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The database's own refusals, where a check upstream could not see them: two identical creates at
 * once (a double click) both pass their "does it exist?" read and one hits the unique index; that is
 * a conflict, not a crash. The field is the unique key's last column (`Key (province_code, code)=…`).
 * Data errors (a value the column cannot hold) are the caller's input, never a 500.
 */
function fromPostgres(pg: PgError): ErrorPayload | undefined {
  if (pg.code === '23505') {
    const columns =
      /^Key \(([^)]+)\)=/
        .exec(pg.detail ?? '')?.[1]
        ?.split(',')
        .map((c) => c.trim().replace(/^lower\(|\)$/g, '')) ?? [];
    const field = columns.length ? camel(columns[columns.length - 1]!) : undefined;
    return {
      code: 'ALREADY_EXISTS',
      kind: ErrorKind.CONFLICT,
      message: 'a record with the same key already exists (sent twice?)',
      ...(field ? { field } : {}),
    };
  }
  if (pg.code === '40001' || pg.code === '40P01')
    return { code: 'CONCURRENT_CHANGE', kind: ErrorKind.CONFLICT, message: 'the record was changed at the same time; try again' };
  if (pg.code?.startsWith('22')) {
    return {
      code: 'VALUE_INVALID',
      kind: ErrorKind.VALIDATION,
      message: 'a value is out of range or cannot be stored',
      ...(pg.column ? { field: camel(pg.column) } : {}),
    };
  }
  return undefined;
}

const KINDS = new Set<string>(Object.values(ErrorKind));

/** An error already mapped (an exception filter's output, a typed reply's error). */
function isErrorPayload(e: unknown): e is ErrorPayload {
  if (typeof e !== 'object' || e === null || e instanceof Error) return false;
  const p = e as ErrorPayload;
  return typeof p.code === 'string' && typeof p.message === 'string' && KINDS.has(p.kind);
}

/** Maps anything a use case throws to the error payload that crosses processes. Unknown errors stay opaque. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (isErrorPayload(err)) return err;
  if (err instanceof AppError) return err.toPayload();
  if (err instanceof DomainRuleError) {
    const kind = CONFLICT_CODES.has(err.code) ? ErrorKind.CONFLICT : err.field ? ErrorKind.VALIDATION : ErrorKind.RULE;
    return { code: err.code, kind, message: err.message, ...(err.field ? { field: err.field } : {}) };
  }
  const pg = pgErrorOf(err);
  const mapped = pg && fromPostgres(pg);
  if (mapped) return mapped;
  return { code: 'INTERNAL_ERROR', kind: ErrorKind.INTERNAL, message: 'internal error' };
}

/** Whether retrying the same input can ever succeed. */
export function isPermanent(err: unknown): boolean {
  if (err instanceof DomainRuleError) return true;
  return err instanceof AppError && err.kind !== ErrorKind.UNAVAILABLE && err.kind !== ErrorKind.INTERNAL;
}
