import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { PROGRAMME_DATABASE } from '../src/database/programme.database';

describeEntitiesMatchMigrations('programme', PROGRAMME_DATABASE);
