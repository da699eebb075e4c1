import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { INSPECTION_DATABASE } from '../src/database/inspection.database';

describeEntitiesMatchMigrations('inspection', INSPECTION_DATABASE);
