/** The token of the service's ScienceTechnologyAgencyConfig. */
export const SCIENCE_TECHNOLOGY_AGENCY_CONFIG = Symbol('SCIENCE_TECHNOLOGY_AGENCY_CONFIG');
