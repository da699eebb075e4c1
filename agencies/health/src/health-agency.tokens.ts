/** The token of the service's HealthAgencyConfig. */
export const HEALTH_AGENCY_CONFIG = Symbol('HEALTH_AGENCY_CONFIG');
