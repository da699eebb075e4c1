import { IsOptional, ValidateIf } from 'class-validator';
import { Code, Id, Instant, Text } from '../event-fields';

/**
 * Events outside agencies' own services publish on the bus (Industry and Trade's market surveillance, Health's
 * food-safety inspectors, ...). The platform consumes them; the agency's NATS account may publish only these.
 */
export const AgencyEvents = {
  /** A market-surveillance finding about an OCOP product: inspection opens an ad-hoc campaign for its certificate. */
  marketSurveillanceReported: 'agency.market-surveillance-reported.v1',
} as const;

export class MarketSurveillanceReportedData {
  /** The agency's own reference of the report (with the agency code, the same report never opens two campaigns). */
  @Code() reportId: string;
  @Code() agencyCode: string;
  /** The certificate's public verification code (printed on the package) or its id. */
  @ValidateIf((o: MarketSurveillanceReportedData) => o.certificateCode !== undefined || o.certificateId === undefined)
  @Code()
  certificateCode?: string;
  @IsOptional() @Id() certificateId?: string;
  @Text() details: string;
  @Instant() reportedAt: string;
}

/** The agencies' event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const AgencyEventPayloads = {
  [AgencyEvents.marketSurveillanceReported]: MarketSurveillanceReportedData,
} as const satisfies Record<(typeof AgencyEvents)[keyof typeof AgencyEvents], new () => object>;
