import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { CERTIFICATION_DATABASE } from '../src/database/certification.database';

describeEntitiesMatchMigrations('certification', CERTIFICATION_DATABASE);
