import { QueryInt } from './validation';

/** The paging every list route takes: `limit` (1–500, default 100) rows after skipping `offset` (0–1,000,000), newest first unless said otherwise. */
export class PageQuery {
  @QueryInt(1, 500, { default: 100 }) limit?: number;
  @QueryInt(0, 1_000_000, { default: 0 }) offset?: number;
}

export const DEFAULT_PAGE = { limit: 100, offset: 0 } as const;
