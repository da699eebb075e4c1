/** How the platform classes an error (the contract's ErrorKind): it says whether trying again can help. */
export type AgencyErrorKind =
  'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RULE' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL';

/** The error of an `{"ok": false, "error": ...}` reply. */
export interface AgencyErrorPayload {
  /** A stable code, e.g. `DOSSIER_NOT_FOUND`, `VALIDATION_FAILED`. */
  code: string;
  kind: AgencyErrorKind;
  message: string;
  /** The field it is about, as a path in the body (`text`, `dossierId`). */
  field?: string;
}

/** Kinds that will answer the same whatever the number of tries: the request must change, not be sent again. */
export const PERMANENT_ERROR_KINDS: readonly AgencyErrorKind[] = ['VALIDATION', 'RULE', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'];

/** Kinds a later try may get past; the client retries them (as it does a timeout or no responder). */
export const TRANSIENT_ERROR_KINDS: readonly AgencyErrorKind[] = ['UNAVAILABLE', 'RATE_LIMITED'];

/**
 * A request that did not succeed: the platform refused it (`replied`: its error payload as sent), or no reply came
 * (`replied: false`: kind UNAVAILABLE, code `REQUEST_TIMEOUT` or `NO_RESPONDERS`, after the client's retries).
 */
export class AgencyRequestError extends Error {
  override name = 'AgencyRequestError';
  readonly code: string;
  readonly kind: AgencyErrorKind;
  readonly field?: string;

  constructor(
    /** The request's name, e.g. `opinion.give`. */
    readonly request: string,
    readonly error: AgencyErrorPayload,
    readonly replied: boolean,
    options?: ErrorOptions,
  ) {
    super(`${request}: ${error.code}: ${error.message}`, options);
    this.code = error.code;
    this.kind = error.kind;
    if (error.field !== undefined) this.field = error.field;
  }

  /** True when sending the same request again cannot succeed (VALIDATION, RULE, CONFLICT, NOT_FOUND, FORBIDDEN). */
  get permanent(): boolean {
    return PERMANENT_ERROR_KINDS.includes(this.kind);
  }
}

/**
 * Thrown by an `@OnPlatformEvent` handler for an event it can never handle: the SDK logs it and terminates the
 * message at once (no retry). Any other error is retried with backoff up to the handler's max deliveries.
 */
export class PermanentEventError extends Error {
  override name = 'PermanentEventError';
}
