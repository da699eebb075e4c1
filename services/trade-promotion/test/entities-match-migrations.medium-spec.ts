import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { TRADE_PROMOTION_DATABASE } from '../src/database/trade-promotion.database';

describeEntitiesMatchMigrations('trade_promotion', TRADE_PROMOTION_DATABASE);
