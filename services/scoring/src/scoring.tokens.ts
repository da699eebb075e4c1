/** Injection token of the scoring service's validated configuration (ScoringConfig). */
export const SCORING_CONFIG = Symbol('SCORING_CONFIG');
