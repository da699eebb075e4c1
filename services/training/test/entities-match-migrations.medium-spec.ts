import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { TRAINING_DATABASE } from '../src/database/training.database';

describeEntitiesMatchMigrations('training', TRAINING_DATABASE);
