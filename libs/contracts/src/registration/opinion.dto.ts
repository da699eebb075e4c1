import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { AGENCY_CODE } from '../subjects';
import { IsInstant, NestedList } from '../validation';

/**
 * Agencies' written opinions on dossiers (issue 16). An agency (Health, Science and Technology, ...) gives one opinion
 * per dossier: its officer through the API, or its own service on its subject `<prefix>.agency.<CODE>.api.opinion.give`.
 * A province may require opinions of some agencies for a product group before a council scores its dossiers (an
 * opinion rule; none by default, as no provincial plan asks for it).
 */
export const OPINION_CONCLUSIONS = ['FAVOURABLE', 'CONDITIONAL', 'UNFAVOURABLE'] as const;
export const OPINION_STATUSES = ['REQUESTED', 'GIVEN'] as const;
export const PRODUCT_GROUP_CODES = ['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM'] as const;
/** The sweep of agencies' follow-ups: required opinions and guidance questions not answered, reminded and escalated once each. */
export const REGISTRATION_JOB_NAMES = ['agency-follow-ups'] as const;

const agencyCode = (): PropertyDecorator =>
  Matches(AGENCY_CODE, { message: 'agencyCode must be an agency code (A–Z, 0–9, _ or -, 2–20 characters)' });

export class GiveOpinionBody {
  @ApiProperty({ enum: OPINION_CONCLUSIONS, description: 'Thống nhất, thống nhất có điều kiện, không thống nhất' })
  @IsIn(OPINION_CONCLUSIONS)
  conclusion: (typeof OPINION_CONCLUSIONS)[number];
  @ApiProperty({ example: 'Cơ sở đã có Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hiệu lực.' })
  @IsString()
  @Length(3, 10_000)
  text: string;
  @ApiPropertyOptional({
    description:
      "The agency's own reference of the opinion (its document number): giving it again with the same reference returns the stored opinion",
    example: '125/SYT-ATTP',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class GiveOpinionCommand extends GiveOpinionBody {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class DossierOpinionsQuery {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class OpinionView {
  @ApiProperty() id: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ description: "Required by the province's opinion rule before the dossier may be scored" }) required: boolean;
  @ApiProperty({ enum: OPINION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) requestedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dueAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) remindedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) escalatedAt: string | null;
  @ApiPropertyOptional({ enum: OPINION_CONCLUSIONS, nullable: true }) conclusion: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) text: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) givenAt: string | null;
  @ApiPropertyOptional({ enum: ['HTTP', 'NATS'], nullable: true, description: "An officer's (HTTP) or the agency's service (NATS)" })
  givenVia: string | null;
}

export class OpinionRuleAgency {
  @ApiProperty({ example: 'SYT' }) @IsString() @agencyCode() agencyCode: string;
  @ApiProperty({ example: 10, description: 'Days from the proposal the agency has to give its opinion' })
  @IsInt()
  @Min(1)
  @Max(90)
  dueDays: number;
}

export class SetOpinionRuleBody {
  @ApiProperty({ type: [OpinionRuleAgency], description: 'The agencies whose opinion is required; an empty list switches the rule off' })
  @NestedList(() => OpinionRuleAgency, 0, 10)
  agencies: OpinionRuleAgency[];
}

export class SetOpinionRuleCommand extends SetOpinionRuleBody {
  @ApiProperty({ enum: PRODUCT_GROUP_CODES }) @IsIn(PRODUCT_GROUP_CODES) productGroup: string;
}

export class ListOpinionRulesQuery {
  @ApiPropertyOptional({ enum: PRODUCT_GROUP_CODES, description: 'Only this product group' })
  @IsOptional()
  @IsIn(PRODUCT_GROUP_CODES)
  productGroup?: string;
}

export class OpinionRuleView {
  @ApiProperty({ enum: PRODUCT_GROUP_CODES }) productGroup: string;
  @ApiProperty({ type: [OpinionRuleAgency] }) agencies: OpinionRuleAgency[];
}

export class RunRegistrationJobBody {
  @ApiPropertyOptional({ description: 'Outside production: run as of this instant' }) @IsOptional() @IsInstant() asOf?: string;
}
export class RunRegistrationJobCommand extends RunRegistrationJobBody {
  @ApiProperty({ enum: REGISTRATION_JOB_NAMES }) @IsIn(REGISTRATION_JOB_NAMES) name: string;
}

export class RegistrationJobRunView {
  @ApiProperty({ enum: REGISTRATION_JOB_NAMES }) name: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: Object, example: { opinionReminders: 1, opinionEscalations: 1, guidanceReminders: 0, guidanceEscalations: 0 } })
  result: Record<string, number>;
}
