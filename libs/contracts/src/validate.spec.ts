import { IsInt, IsString, Length, registerDecorator } from 'class-validator';
import { validateInto } from './validate';

class Base {
  @IsString() name: string;
}

describe('validateInto with the memoized rule lookup', () => {
  it('applies a class’s own and inherited rules, also to a subclass defined after the first validation', () => {
    expect(() => validateInto(Base, { name: 1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'name' }));
    class Later extends Base {
      @IsInt() count: number;
    }
    expect(validateInto(Later, { name: 'a', count: 2 })).toMatchObject({ name: 'a', count: 2 });
    expect(() => validateInto(Later, { name: 2, count: 2 })).toThrow(expect.objectContaining({ field: 'name' }));
    expect(() => validateInto(Later, { name: 'a', count: 'x' })).toThrow(expect.objectContaining({ field: 'count' }));
    // The parent's memo is not the child's: a property only the child declares is still refused on the parent.
    expect(() => validateInto(Base, { name: 'a', count: 2 })).toThrow(expect.objectContaining({ field: 'count' }));
  });

  it('honours a rule registered on an already validated class', () => {
    class Grows {
      @Length(1, 5) code: string;
    }
    expect(validateInto(Grows, { code: 'abc' })).toMatchObject({ code: 'abc' });
    registerDecorator({
      target: Grows,
      propertyName: 'code',
      options: { message: 'code must not be abc' },
      validator: { validate: (v: unknown) => v !== 'abc' },
    });
    expect(() => validateInto(Grows, { code: 'abc' })).toThrow(expect.objectContaining({ field: 'code', message: 'code must not be abc' }));
  });
});
