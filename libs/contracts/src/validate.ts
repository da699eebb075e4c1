import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppError } from './errors';

/** The first violation in a class-validator result: its field path (`reasons.0.reason`) and its message. */
export function firstViolation(errors: ValidationError[], path = ''): { field: string; message: string } | undefined {
  for (const e of errors) {
    const field = path ? `${path}.${e.property}` : e.property;
    if (e.constraints) {
      const [key, message] = Object.entries(e.constraints)[0];
      return { field, message: key === 'whitelistValidation' ? `property ${field} is not allowed` : message };
    }
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** Turns a class-validator result into the platform's validation error (400, names the field). */
export function validationErrorFrom(errors: ValidationError[]): AppError {
  const first = firstViolation(errors) ?? { field: 'body', message: 'invalid input' };
  return AppError.validation('VALIDATION_FAILED', first.message, first.field);
}

/**
 * Validates a plain object into a contract class: unknown properties are refused, types are checked.
 * Used by the gateway (HTTP bodies) and by every service (NATS payloads), so both refuse the same input.
 */
export function validateInto<T extends object>(cls: ClassConstructor<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw AppError.validation('VALIDATION_FAILED', 'a JSON object is expected', 'body');
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) throw validationErrorFrom(errors);
  return instance;
}
