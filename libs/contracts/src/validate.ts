import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { AppError } from './errors';

/**
 * class-validator looks a class's rules up again on every validation, and the lookup scans every registered class to
 * find its ancestors (typestack/class-validator#2686, open): for a score sheet of 50 entries that is 51 scans of every
 * contract class, 5 % of scoring's CPU in bench:cycle's sessions. A class's own and inherited rules are all registered
 * once its class is defined, before it can be validated, so the answer is memoized per class and arguments; a rule
 * registered later (a class defined late) empties the memo anyway.
 */
function memoizeRuleLookup(): void {
  type Storage = ReturnType<typeof getMetadataStorage>;
  const storage = getMetadataStorage() as Storage & { ocopMemoized?: true };
  if (storage.ocopMemoized) return;
  storage.ocopMemoized = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memo = new WeakMap<object, Map<string, ReturnType<Storage['getTargetValidationMetadatas']>>>();
  storage.addValidationMetadata = (metadata) => {
    memo = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byArgs = memo.get(target);
    if (!byArgs) memo.set(target, (byArgs = new Map()));
    let rules = byArgs.get(key);
    if (!rules) byArgs.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
memoizeRuleLookup();

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
