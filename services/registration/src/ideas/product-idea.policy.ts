import { AppError, type ProductIdeaStatus } from '@ocop/contracts';
import { cycleYear } from '@ocop/domain';

/** What the district may still assess (again, while its list of the year is not sent). */
export const ASSESSABLE: ReadonlySet<ProductIdeaStatus> = new Set(['SUBMITTED', 'FEASIBLE', 'NOT_FEASIBLE']);

/** An idea is filed for this year's programme or next year's, in Vietnam's calendar as of the request. */
export function requireIdeaYear(year: number, asOf: Date): void {
  const current = cycleYear(asOf);
  if (year < current || year > current + 1)
    throw AppError.validation(
      'IDEA_YEAR_OUT_OF_RANGE',
      `an idea is filed for the programme of ${current} or ${current + 1} (as of ${asOf.toISOString()}), not ${year}`,
      'year',
    );
}

/** A reason that says something (not blank once trimmed), or the validation error naming the field. */
export function requireReason(reason: string | undefined, why: string): string {
  const r = reason?.trim() ?? '';
  if (r.length < 3) throw AppError.validation('IDEA_REASON_REQUIRED', `a reason is required ${why}`, 'reason');
  return r;
}
