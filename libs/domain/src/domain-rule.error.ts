/**
 * A business rule was broken. Carries a stable machine-readable `code` (mapped once per
 * transport) and, when the rule concerns one input, the `field` that broke it.
 */
export class DomainRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainRuleError';
  }
}
