import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, Matches } from 'class-validator';
import { NestedList, QueryInt } from '../validation';

export const LEGAL_VERSION_CODES = ['1048', '148', '148+1489'] as const;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export class CatalogueCodeQuery {
  @ApiProperty({ example: '148' }) @Matches(CODE, { message: 'code must be a catalogue code' }) code: string;
}

/** `?revision=`: a stored revision (e.g. the one a session pinned, SessionView.items[].catalogueRevision) instead of the newest. */
export class CatalogueRevisionQuery {
  @QueryInt(1, 2_147_483_647, { description: 'Revision number; the newest when absent' }) revision?: number;
}

export class GetCatalogueQuery extends CatalogueCodeQuery {
  @QueryInt(1, 2_147_483_647) revision?: number;
}

export class PutCatalogueCommand extends CatalogueCodeQuery {
  @ApiProperty({ type: Object, description: 'The catalogue document (format of data/criteria/*.json)' }) @IsObject() document: Record<
    string,
    unknown
  >;
}

export class CompletionItemView {
  @ApiProperty({ example: 'trees[GOODS].parts[A].groups[A1].criteria[A1.2]' }) path: string;
  @ApiProperty() labelVi: string;
  @ApiPropertyOptional() noteVi?: string;
}

export class CatalogueSummaryView {
  @ApiProperty({ example: '148' }) code: string;
  @ApiProperty({ description: 'Increases each time the catalogue is replaced' }) revision: number;
  @ApiProperty() titleVi: string;
  @ApiProperty({ enum: LEGAL_VERSION_CODES, isArray: true }) legalVersions: string[];
  @ApiProperty({ enum: ['PROVISIONAL', 'FINAL'] }) status: string;
  @ApiProperty({ description: 'SHA-256 of the canonical document' }) checksum: string;
  @ApiProperty({ example: 'file:148.json' }) source: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Criteria whose points an operator must still key in from the official annex' }) toCompleteCount: number;
}

export class CatalogueView extends CatalogueSummaryView {
  @ApiProperty({ type: [CompletionItemView] }) toComplete: CompletionItemView[];
  @ApiProperty({ type: Object, description: 'The document, ready to edit and PUT back' }) document: Record<string, unknown>;
}

export class CommuneAssessmentEntryDto {
  @ApiProperty({ example: 'A1.1' }) @Matches(CODE, { message: 'criterionCode must be a criterion code' }) criterionCode: string;
  @ApiProperty({ example: 'b' }) @Matches(CODE, { message: 'optionCode must be an option code' }) optionCode: string;
}

export class CheckCommuneAssessmentQuery {
  @ApiProperty({ enum: LEGAL_VERSION_CODES }) @IsIn(LEGAL_VERSION_CODES) legalVersion: string;
  @ApiProperty({ example: '04' })
  @Matches(/^\d{2}$/, { message: 'productSetCode must be a 2-digit product set code' })
  productSetCode: string;
  @ApiProperty({ type: [CommuneAssessmentEntryDto] })
  @NestedList(() => CommuneAssessmentEntryDto, 1, 20)
  entries: CommuneAssessmentEntryDto[];
}

export class CommuneAssessmentCheckView {
  @ApiProperty() catalogueCode: string;
  @ApiProperty() catalogueRevision: number;
}

export class TierStepView {
  @ApiProperty({ enum: ['DISTRICT', 'PROVINCE', 'CENTRAL'] }) tier: string;
  @ApiProperty({ type: [Number] }) certifiesStars: number[];
  @ApiPropertyOptional({ type: String, nullable: true }) next: string | null;
  @ApiProperty() requiresLabResults: boolean;
}

export class TierModelView {
  @ApiProperty({ enum: LEGAL_VERSION_CODES }) legalVersion: string;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty() communeAssessment: boolean;
  @ApiProperty() entryTier: string;
  @ApiProperty({ type: [TierStepView] }) steps: TierStepView[];
}
