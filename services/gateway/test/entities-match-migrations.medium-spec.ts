import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { GATEWAY_DATABASE } from '../src/database/gateway.database';

describeEntitiesMatchMigrations('gateway', GATEWAY_DATABASE);
