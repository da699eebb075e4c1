import { User } from '../identity/user.entity';
import { InitialGateway1763800000100 } from './migrations/1763800000100-InitialGateway';

/** The gateway's own schema: users (identity is the edge's concern) and its audit log. */
export const GATEWAY_DATABASE = { schema: 'gateway', entities: [User], migrations: [InitialGateway1763800000100] };
