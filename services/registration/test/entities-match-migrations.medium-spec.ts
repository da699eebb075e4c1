import { describeEntitiesMatchMigrations } from '@ocop/testing';
import { REGISTRATION_DATABASE } from '../src/database/registration.database';

describeEntitiesMatchMigrations('registration', REGISTRATION_DATABASE);
