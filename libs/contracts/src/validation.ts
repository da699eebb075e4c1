import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  buildMessage,
  getMetadataStorage,
  isISO8601,
  type ValidationOptions,
} from 'class-validator';

/**
 * The platform's one validation policy for every message that crosses a process (HTTP bodies and
 * queries at the gateway, NATS payloads at the services): types are strict (a JSON boolean is never a
 * number, a string never an object), dates are real calendar dates, nested objects are objects (not
 * arrays) validated against their own class with unknown fields refused, lists are arrays with a
 * bound, and every number and string has bounds. The composite decorators below are how a contract
 * says so; `validationPolicyViolations` checks every contract class against the policy (a unit test
 * runs it over all of them, so a new class that forgets a bound fails the build).
 */

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is an ISO 8601 instant with its offset on a real calendar day (also the X-As-Of header's rule). */
export function isInstant(v: unknown): v is string {
  return typeof v === 'string' && INSTANT.test(v) && isISO8601(v, { strict: true, strictSeparator: true });
}

/** An ISO 8601 instant with its offset (`2026-11-24T08:00:00+07:00`, `…Z`) on a real calendar day. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (v) => isInstant(v),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 instant with its offset on a real calendar day (e.g. 2026-11-24T08:00:00+07:00)`,
          options,
        ),
      },
    },
    options,
  );
}

/** A calendar day `YYYY-MM-DD` that exists (no 30 February). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v) => typeof v === 'string' && CALENDAR_DATE.test(v) && isISO8601(v, { strict: true }),
        defaultMessage: buildMessage((each) => `${each}$property must be a real calendar day YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

const DECIMAL_INTEGER = /^[0-9]{1,15}$/;

/**
 * An optional integer query parameter within bounds. Query strings are text: only a string of decimal
 * digits becomes a number (`0x10`, `1e3`, `+5`, ` 7`, `true`, `''` and `99999999999999999999` stay
 * text and are refused). A number (the same query sent over NATS as JSON) stays as it is.
 */
export const QueryInt = (min: number, max: number, o: { default?: number; description?: string } = {}): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, ...o }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value)),
    IsInt({ message: ({ property }) => `${property} must be a whole number from ${min} to ${max} in decimal digits` }),
    Min(min),
    Max(max),
  );

/** A single nested object (never an array), validated against its class, unknown fields refused. */
export function Nested(cls: () => new () => object): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsObject({ message: `${String(key)} must be an object` })(target, key);
    ValidateNested()(target, key);
    Type(cls)(target, key);
  };
}

/** A list of nested objects (each an object, not an array), between min and max long. */
export function NestedList(cls: () => new () => object, min: number, max: number): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsArray({ message: `${String(key)} must be an array` })(target, key);
    ArrayMinSize(min)(target, key);
    ArrayMaxSize(max)(target, key);
    IsObject({ each: true, message: `each element of ${String(key)} must be an object` })(target, key);
    ValidateNested({ each: true })(target, key);
    Type(cls)(target, key);
  };
}

/** A list of plain values (each validated by the `each: true` constraints beside it), between min and max long. */
export function List(min: number, max: number): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsArray({ message: `${String(key)} must be an array` })(target, key);
    ArrayMinSize(min)(target, key);
    ArrayMaxSize(max)(target, key);
  };
}

/** What the policy checker needs to know about a class beyond its decorators. */
export interface PolicyOptions {
  /** `Class.property` names of deliberately free-form objects (validated by the owning service, e.g. a criteria catalogue). */
  freeForm?: string[];
}

/** class-transformer's metadata (not part of its typed API): the @Type and @Transform decorators of a property. */
interface TransformerStorage {
  findTypeMetadata(target: Function, property: string): { typeFunction(): unknown } | undefined; // eslint-disable-line @typescript-eslint/no-unsafe-function-type -- its own signature
  findTransformMetadatas(target: Function, property: string, kind: number): unknown[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type -- its own signature
}
const transformerStorage = (): TransformerStorage =>
  (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage }).defaultMetadataStorage; // eslint-disable-line @typescript-eslint/no-require-imports -- no typed entry point

const STRING_BOUNDED = new Set([
  'isLength',
  'maxLength',
  'matches',
  'isIn',
  'isUUID',
  'isEnum',
  'isInstant',
  'isCalendarDate',
  'isEmail',
  'equals',
]);
const NUMBER_KINDS = new Set(['isInt', 'isNumber']);
const DATE_KINDS = new Set(['isIso8601', 'isDateString', 'isDate']);

/** Every breach of the policy in the given classes, as `Class.property: what is wrong`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any class
export function validationPolicyViolations(classes: Function[], o: PolicyOptions = {}): string[] {
  const storage = getMetadataStorage();
  const out: string[] = [];
  for (const cls of classes) {
    const metas = storage.getTargetValidationMetadatas(cls, '', true, false);
    const byProperty = new Map<string, typeof metas>();
    for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    for (const [prop, ms] of byProperty) {
      const where = `${cls.name}.${prop}`;
      const names = new Set(ms.map((m) => m.name ?? m.type));
      const eachNames = new Set(ms.filter((m) => m.each).map((m) => m.name ?? m.type));
      const has = (n: string) => names.has(n);
      const type = transformerStorage().findTypeMetadata(cls, prop);
      const transform = transformerStorage().findTransformMetadatas(cls, prop, 1);
      if (type && type.typeFunction() === Number)
        out.push(
          `${where}: @Type(() => Number) coerces booleans and hex; use @QueryInt for query parameters and plain JSON numbers in bodies`,
        );
      if (transform.length && !has('isInt')) out.push(`${where}: a transform without a typed check`);
      if (eachNames.size > 0 && !has('isArray'))
        out.push(`${where}: a list must be @List/@NestedList (an array with bounds), not only 'each' checks`);
      if (has('isArray') && !has('arrayMaxSize')) out.push(`${where}: a list needs a maximum size`);
      if (has('nestedValidation')) {
        if (!has('isObject')) out.push(`${where}: a nested value must be @Nested/@NestedList (an object, not an array)`);
        if (!type) out.push(`${where}: a nested value needs its class (@Type)`);
      }
      if (has('isObject') && !has('nestedValidation') && !(o.freeForm ?? []).includes(where))
        out.push(`${where}: a free-form object accepts any field; give it a class`);
      for (const n of NUMBER_KINDS) {
        if (has(n) && (!has('min') || !has('max'))) out.push(`${where}: a number needs a minimum and a maximum`);
      }
      if (has('isString') && ![...STRING_BOUNDED].some(has)) out.push(`${where}: a string needs a maximum length`);
      const dateRegex = ms.some(
        (m) => m.name === 'matches' && /\\d\{4\}-/.test(String((m.constraints as unknown[] | undefined)?.[0] ?? '')),
      );
      if (dateRegex) out.push(`${where}: a date pattern accepts 30 February; use @IsCalendarDate or @IsInstant`);
      for (const n of DATE_KINDS) {
        if (has(n)) out.push(`${where}: use @IsInstant or @IsCalendarDate (real calendar days, offset required)`);
      }
    }
  }
  return [...new Set(out)];
}
