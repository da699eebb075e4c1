import { ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { AppError, validationErrorFrom } from '@ocop/contracts';

/** Bodies and queries: unknown fields refused, wrong types refused (no silent coercion), first error names its field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => validationErrorFrom(errors),
});

/** A path (or query) parameter that must be a UUID; the error names the parameter as the route declares it. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name?: string) {}
  transform(value: string, metadata?: ArgumentMetadata): string {
    const name = this.name ?? metadata?.data ?? 'id';
    if (typeof value !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      throw AppError.validation('VALIDATION_FAILED', `${name} must be a UUID`, name);
    }
    return value;
  }
}

/**
 * A year in the path (`/…/2024`): four digits become the number the service's command takes; anything else goes on
 * as it is, for the service's validation to refuse naming the field.
 */
export class YearParam implements PipeTransform<string, number | string> {
  transform(value: string): number | string {
    return /^\d{4}$/.test(value) ? Number(value) : value;
  }
}
