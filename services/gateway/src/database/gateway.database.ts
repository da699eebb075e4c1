import { User } from '../identity/user.entity';
import { Agency, AgencyCredential } from '../agencies/agency.entity';
import { InitialGateway1763800000100 } from './migrations/1763800000100-InitialGateway';
import { AgencyCredentials1764900000000 } from './migrations/1764900000000-AgencyCredentials';
import { UserConsultant1765600000100 } from './migrations/1765600000100-UserConsultant';

/** The gateway's own schema: users and agencies' NATS credentials (identity is the edge's concern) and its audit log. */
export const GATEWAY_DATABASE = {
  schema: 'gateway',
  entities: [User, Agency, AgencyCredential],
  migrations: [InitialGateway1763800000100, AgencyCredentials1764900000000, UserConsultant1765600000100],
};
