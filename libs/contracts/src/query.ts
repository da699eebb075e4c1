import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * A whole number in a query string: only a string of decimal digits becomes a number ('0x10', '1e3', '+5', ' 7', 'true'
 * and '' stay strings and are refused). A number (a NATS payload) passes as it is; every such number has bounds.
 */
export const QueryInt = (min: number, max: number, o: { default?: number; description?: string } = {}): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, ...o }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value)),
    IsInt({ message: ({ property }) => `${property} must be a whole number in decimal digits` }),
    Min(min),
    Max(max),
  );

/** The paging every list route takes: `limit` (1–500, default 100) rows after skipping `offset` (0–1,000,000), newest first unless said otherwise. */
export class PageQuery {
  @QueryInt(1, 500, { default: 100 }) limit?: number;
  @QueryInt(0, 1_000_000, { default: 0 }) offset?: number;
}

export const DEFAULT_PAGE = { limit: 100, offset: 0 } as const;
