import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_KINDS } from '../registration/dossier.dto';

const GROUP_CODES = ['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM'];

/** One document of a producer's dossier and the kinds of dossier that cannot be submitted without it. */
export class DocumentTypeView {
  @ApiProperty({ example: 'REGISTRATION_FORM' }) code: string;
  @ApiProperty({ example: 'Phiếu đăng ký sản phẩm OCOP (Mẫu 01)' }) nameVi: string;
  @ApiProperty({ example: 'OCOP product registration form (Form 01)' }) nameEn: string;
  @ApiProperty({ enum: DOSSIER_KINDS, isArray: true, description: 'Kinds of dossier that require it; empty when optional' })
  requiredFor: string[];
  @ApiProperty({ description: 'Only relevant to products evaluated on samples (every product set but tourism)' }) onlyWithSamples: boolean;
}

export class ProductGroupView {
  @ApiProperty({ enum: GROUP_CODES }) code: string;
  @ApiProperty({ example: 'Thực phẩm' }) nameVi: string;
  @ApiProperty({ example: 'Food' }) nameEn: string;
  @ApiProperty({ type: [String], example: ['01', '02'] }) productSetCodes: string[];
}

export class ProductSetView {
  @ApiProperty({ example: '04', description: "'01'..'26'" }) code: string;
  @ApiProperty({ example: 'Mật ong, mật khác và nông sản thực phẩm khác' }) nameVi: string;
  @ApiProperty({ enum: GROUP_CODES }) groupCode: string;
  @ApiProperty({ example: 'Thực phẩm' }) groupNameVi: string;
  @ApiProperty({ example: 'Thực phẩm thô, sơ chế' }) subGroupVi: string;
  @ApiProperty({ description: 'Whether the dossier goes with product samples (tourism services: the council visits the site)' })
  requiresSamples: boolean;
  @ApiProperty({
    type: [String],
    description: 'Lab indicators a sample is tested for unless the office names others',
    example: ['E_COLI', 'LEAD'],
  })
  defaultLabIndicators: string[];
}

export class LabIndicatorView {
  @ApiProperty({ example: 'LEAD' }) code: string;
  @ApiProperty({ example: 'Chì (Pb)' }) nameVi: string;
  @ApiProperty({ example: 'Lead (Pb)' }) nameEn: string;
  @ApiProperty({ type: [String], description: 'Product sets whose samples are tested for it by default', example: ['01', '02'] })
  defaultForProductSets: string[];
}
