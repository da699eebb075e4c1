import type { Actor } from '@ocop/contracts';

/**
 * Whose read a repository does: a required argument of every repository method that reads or lists councils, sessions
 * and evaluations. libs/auth's ReadScope places a record by its unit only; scoring's reads also turn on the caller's
 * role (a council's tier decides which offices read it) and on council seats (a member reads the councils it sits on,
 * their sessions and the dossiers on their agendas), so a reader's scope carries the actor and the repositories apply
 * access.policy.ts to it.
 */
export type ScoringScope =
  /** What this actor may read; a row outside it reads as absent (callers answer 404, existence is not revealed). */
  | { readonly kind: 'reader'; readonly actor: Actor }
  /** No read filter: the command applies its own, stricter rule right after (the unit's office, the secretary: 403). */
  | { readonly kind: 'policy-checked' }
  /** The service itself: consumers and jobs. */
  | { readonly kind: 'system' };

export const readerScope = (actor: Actor): ScoringScope => ({ kind: 'reader', actor });
export const POLICY_CHECKED: ScoringScope = { kind: 'policy-checked' };
export const SYSTEM_SCOPE: ScoringScope = { kind: 'system' };
