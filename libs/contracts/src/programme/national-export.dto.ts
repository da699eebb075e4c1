import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate, QueryInt } from '../validation';

/**
 * The national database export (issue 17): the province's registry of certificates and products and its annual
 * figures, in an open format documented by docs/national-export.schema.json (JSON Schema) and docs/national-export.md —
 * JSON, or CSV with the same columns in the schema's order; incremental from a day.
 */
export const NATIONAL_EXPORT_DATASETS = ['certificates', 'products', 'annual-figures'] as const;
export const NATIONAL_EXPORT_FORMATS = ['json', 'csv'] as const;
/** The format's name and version, in every JSON export and in the schema. */
export const NATIONAL_EXPORT_FORMAT = 'ocop-national-export/v1';

export class NationalExportPath {
  @ApiProperty({ enum: NATIONAL_EXPORT_DATASETS }) @IsIn(NATIONAL_EXPORT_DATASETS) dataset: (typeof NATIONAL_EXPORT_DATASETS)[number];
}

export class NationalExportQuery {
  @ApiPropertyOptional({ enum: NATIONAL_EXPORT_FORMATS, description: 'json (default) or csv' })
  @IsOptional()
  @IsIn(NATIONAL_EXPORT_FORMATS)
  format?: (typeof NATIONAL_EXPORT_FORMATS)[number];
  @ApiPropertyOptional({
    example: '2024-01-01',
    description: 'Only records changed on or after this day (Vietnam time): certificates issued or changing status, products registered',
  })
  @IsOptional()
  @IsCalendarDate()
  since?: string;
  @QueryInt(2018, 2100, { description: 'annual-figures: the year (required for it)' }) year?: number;
  @ApiPropertyOptional({ example: '38', description: 'The province (default: the caller’s; a national admin names one)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a province code' })
  provinceCode?: string;
}

export class NationalExportCommand extends NationalExportQuery {
  @ApiProperty({ enum: NATIONAL_EXPORT_DATASETS }) @IsIn(NATIONAL_EXPORT_DATASETS) dataset: (typeof NATIONAL_EXPORT_DATASETS)[number];
}

/** A file a service renders: its name, media type and bytes (base64). */
export class FileView {
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() contentBase64: string;
}

/** national-hub mode: what the hub received from the provinces. */
export class NationalHubQuery {
  @QueryInt(2018, 2100, { description: 'Annual figures of this year; forwarded dossiers forwarded in it' }) year?: number;
  @ApiPropertyOptional({ example: '38' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a province code' })
  provinceCode?: string;
}

export class NationalFiguresView {
  @ApiProperty() provinceCode: string;
  @ApiProperty({ description: 'The province’s JetStream domain it came through' }) domain: string;
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: ['DISTRICT_ANNUAL', 'PROVINCE_ANNUAL'] }) kind: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() year: number;
  @ApiProperty() issued3: number;
  @ApiProperty() issued4: number;
  @ApiProperty() issued5: number;
  @ApiProperty() firstCertifications: number;
  @ApiProperty() valid3: number;
  @ApiProperty() valid4: number;
  @ApiProperty() valid5: number;
  @ApiProperty() revoked: number;
  @ApiProperty() submittedAt: string;
  @ApiProperty() receivedAt: string;
}

export class ForwardedDossierView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() domain: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() productId: string;
  @ApiProperty() producerId: string;
  @ApiProperty() communeCode: string;
  @ApiProperty({ description: 'When the province forwarded it' }) forwardedAt: string;
  @ApiProperty() receivedAt: string;
}
