import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemError } from './problem';

/** The first violation in a class-validator result: its field path (`a.b`) and its message. */
export function firstViolation(errors: ValidationError[], path = ''): { field: string; message: string } | undefined {
  for (const e of errors) {
    const field = path ? `${path}.${e.property}` : e.property;
    const first = e.constraints && Object.entries(e.constraints)[0];
    if (first) return { field, message: first[0] === 'whitelistValidation' ? `property ${field} is not allowed` : first[1] };
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** Bodies: unknown fields refused, no silent type coercion, and the first error names its field (400 VALIDATION_FAILED). */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const first = firstViolation(errors) ?? { field: 'body', message: 'a JSON object is expected' };
      return ProblemError.validation(first.message, first.field);
    },
  });
}
