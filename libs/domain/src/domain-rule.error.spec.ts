import { DomainRuleError } from './domain-rule.error';

describe('DomainRuleError', () => {
  it('carries its code, message, field and name', () => {
    const error = new DomainRuleError('SOME_RULE', 'Rule broken', 'points');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect(error.name).toBe('DomainRuleError');
    expect(error.code).toBe('SOME_RULE');
    expect(error.message).toBe('Rule broken');
    expect(error.field).toBe('points');
  });

  it('leaves the field undefined when the rule is not about one input', () => {
    expect(new DomainRuleError('SOME_RULE', 'Rule broken').field).toBeUndefined();
  });
});
