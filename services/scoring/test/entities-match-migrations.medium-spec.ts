import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { SCORING_DATABASE } from '../src/database/scoring.database';

describeEntitiesMatchMigrations('scoring', SCORING_DATABASE);
