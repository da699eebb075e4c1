import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { EVENT_PAYLOADS } from '@ocop/contracts';

/** The public event types an agency may be granted: the platform's own (not what agencies publish). */
export const GRANTABLE_EVENT_TYPES = Object.keys(EVENT_PAYLOADS)
  .filter((t) => !t.startsWith('agency.'))
  .sort();

export class PutAgencyBody {
  @ApiProperty({ example: 'Sở Y tế tỉnh Thanh Hóa' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({
    description: 'The public event types its service may hear (docs/asyncapi.yaml); a change applies to credentials issued after it',
    example: ['certification.certificate-issued.v1'],
    enum: GRANTABLE_EVENT_TYPES,
    isArray: true,
  })
  @IsArray()
  @ArrayMaxSize(GRANTABLE_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(GRANTABLE_EVENT_TYPES, { each: true })
  eventTypes: string[];
}

export class AgencyView {
  @ApiProperty({ example: 'SYT' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) eventTypes: string[];
  @ApiProperty() updatedAt: string;
}

export class AgencyCredentialView {
  @ApiProperty() id: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ description: "The NATS user's public key (what a revocation names)" }) userKey: string;
  @ApiProperty({ type: [String], description: 'The event types written into this credential' }) eventTypes: string[];
  @ApiProperty() issuedAt: string;
  @ApiProperty() issuedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedBy: string | null;
}

export class AgencyConsumerView {
  @ApiProperty({ example: 'registration.opinion-requested.v1' }) eventType: string;
  @ApiProperty({ example: 'agency-SYT-registration_opinion-requested_v1' }) durable: string;
}

export class IssuedAgencyCredentialView extends AgencyCredentialView {
  @ApiProperty({ description: "The NATS .creds file (JWT and seed) for the agency's service: shown once, never stored" }) creds: string;
  @ApiProperty({ example: 'ocop.agency.SYT.>', description: 'Where it may publish (its events and requests)' }) subjectSpace: string;
  @ApiProperty({ example: '_INBOX_SYT', description: 'The inbox prefix its NATS client must use' }) inboxPrefix: string;
  @ApiProperty({ example: 'OCOP_EVENTS', description: "The platform's event stream, where its consumers are" }) stream: string;
  @ApiProperty({
    type: [AgencyConsumerView],
    description: 'Its durable pull consumer of each granted event type (created by the platform)',
  })
  consumers: AgencyConsumerView[];
}
