/**
 * Events outside agencies' own services publish on the bus (Industry and Trade's market surveillance, Health's
 * food-safety inspectors, ...). The platform consumes them; the agency's NATS account may publish only these.
 */
export const AgencyEvents = {
  /** A market-surveillance finding about an OCOP product: inspection opens an ad-hoc campaign for its certificate. */
  marketSurveillanceReported: 'agency.market-surveillance-reported.v1',
} as const;

export interface MarketSurveillanceReportedData {
  /** The agency's own reference of the report (with the agency code, the same report never opens two campaigns). */
  reportId: string;
  agencyCode: string;
  /** The certificate's public verification code (printed on the package) or its id. */
  certificateCode?: string;
  certificateId?: string;
  details: string;
  reportedAt: string;
}
