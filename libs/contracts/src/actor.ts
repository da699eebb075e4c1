/** Roles of the platform's users (DEVELOPERS.md / issue 2). */
export enum Role {
  PRODUCER = 'PRODUCER',
  COMMUNE_OFFICER = 'COMMUNE_OFFICER',
  DISTRICT_OFFICER = 'DISTRICT_OFFICER',
  PROVINCE_OFFICE = 'PROVINCE_OFFICE',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  AGENCY_OFFICER = 'AGENCY_OFFICER',
  INSPECTOR = 'INSPECTOR',
  LAB = 'LAB',
  ADMIN = 'ADMIN',
  /** A consulting firm's or an individual consultant's account: acts for the producers that granted it access. */
  CONSULTANT = 'CONSULTANT',
}

/** The administrative scope of a user: the unit (or agency) whose data they may see. */
export interface Scope {
  provinceCode: string;
  districtCode?: string | null;
  communeCode?: string | null;
  agencyCode?: string | null;
  /**
   * For producers: the producer they represent. For consultants: the producer they act for in this request, set by
   * the gateway only after checking the producer's grant (`X-On-Behalf-Of`); never from the token.
   */
  producerId?: string | null;
  /** For consultants: the consultant (firm or individual) in registration's register. */
  consultantId?: string | null;
}

/** The authenticated caller, as the gateway passes it to services in the `ocop-actor` header. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  scope: Scope;
}

/** The actor of work the platform does by itself (timers, event reactions). */
export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  role: Role.ADMIN,
  scope: { provinceCode: '*' },
};

/** Scope code for logs: the narrowest unit the actor is confined to. */
export function scopeLabel(scope: Scope): string {
  return scope.producerId
    ? `producer:${scope.producerId}`
    : scope.agencyCode
      ? `agency:${scope.agencyCode}`
      : scope.communeCode
        ? `commune:${scope.communeCode}`
        : scope.districtCode
          ? `district:${scope.districtCode}`
          : `province:${scope.provinceCode}`;
}
