import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsInstant, List } from './validation';

/**
 * The few field shapes event payload classes are written with (`*.events.ts`), each within the validation policy.
 * Bounds are generous on purpose: an event is what a producer already decided, so the class checks what a consumer
 * relies on (ids, types, instants, the values it branches on) and leaves business limits to the command classes.
 */

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

/** Present, and either null or what the decorators beside it say: producers send `null`, so a missing field is refused. */
export const Nullable = (): PropertyDecorator => ValidateIf((_o, value) => value !== null);

/** An entity id (a UUID). */
export const Id = (): PropertyDecorator => IsUUID();

/** A code, number or reference (`38`, `PROVINCE`, `380-2026-0001/GCN-OCOP`): a string of at most 500 characters. */
export const Code = (): PropertyDecorator => all(IsString(), MaxLength(500));

/** A list of codes, between `min` and `max` long. */
export const Codes = (min: number, max: number): PropertyDecorator =>
  all(List(min, max), IsString({ each: true }), MaxLength(500, { each: true }));

/** A name or free text: a string of at most `max` characters (may be empty: a producer sends `''` for a name it lacks). */
export const Text = (max = 10_000): PropertyDecorator => all(IsString(), MaxLength(max));

/** A whole number from `min` to `max`. */
export const Int = (min: number, max: number): PropertyDecorator => all(IsInt(), Min(min), Max(max));

/** A JSON boolean. */
export const Flag = (): PropertyDecorator => IsBoolean();

/** One of the given strings. */
export const OneOf = (values: readonly string[]): PropertyDecorator => IsIn(values);

/** An ISO 8601 instant with its offset (what producers send: `Date.toISOString()`). */
export const Instant = (): PropertyDecorator => IsInstant();
