import { Role, type Actor } from '@ocop/contracts';

/**
 * The actor of what an agency's own service does on its NATS subject (its audit records and events): the agency, as
 * the subject names it, in the province of the record it acts on.
 */
export function agencyServiceActor(agencyCode: string, provinceCode: string): Actor {
  return {
    id: `agency:${agencyCode}`,
    username: `agency-service:${agencyCode}`,
    role: Role.AGENCY_OFFICER,
    scope: { provinceCode, agencyCode },
  };
}
