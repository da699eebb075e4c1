import { AppError } from '@ocop/contracts';
import type { RpcContext } from '../rpc';

/**
 * The instant an admin-run job acts as of: the one the admin names (refused in production, where time is the
 * wall clock), else the call's own.
 */
export function adminRunAsOf(requested: string | undefined, call: RpcContext, mode: string): Date {
  if (requested && mode === 'production')
    throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
  return requested ? new Date(requested) : call.asOf;
}
