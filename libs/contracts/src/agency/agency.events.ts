import { IsOptional, ValidateIf } from 'class-validator';
import { Code, Id, Instant, Text } from '../event-fields';

/**
 * Events outside agencies' own services publish on the bus (Industry and Trade's market surveillance, Health's
 * food-safety inspectors, ...), each in its own space: `<prefix>.agency.<CODE>.events.<event>.v<N>`
 * (agencyEventSubject). The platform takes the agency from that subject, which only the agency's credential may
 * publish on (deploy/nats/operator-mode.md), never from the payload.
 */
export const AgencyEvents = {
  /** A market-surveillance finding about an OCOP product: inspection opens an ad-hoc campaign for its certificate. */
  marketSurveillanceReported: 'agency.market-surveillance-reported.v1',
} as const;

export class MarketSurveillanceReportedData {
  /** The agency's own reference of the report (with the agency's code, the same report never opens two campaigns). */
  @Code() reportId: string;
  /** Ignored: the agency is the one whose subject the report arrived on. Kept so that reports written before still fit. */
  @IsOptional() @Code() agencyCode?: string;
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
