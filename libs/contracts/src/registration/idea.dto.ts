import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../query';
import { QueryInt } from '../validation';

/**
 * Product ideas before dossiers (issue 18; Thanh Hóa): a producer with an idea fills in the registration form (or its
 * commune or district does it for it); the district office keeps the feasible ones and sends its list for the year to
 * the province, which picks the products of the year's programme. A picked idea becomes a product and a NEW dossier.
 *
 * SUBMITTED → FEASIBLE | NOT_FEASIBLE (the district, again while its list is not sent) → SENT (in the district's list)
 * → PICKED | NOT_PICKED (the province).
 */
export const PRODUCT_IDEA_STATUSES = ['SUBMITTED', 'FEASIBLE', 'NOT_FEASIBLE', 'SENT', 'PICKED', 'NOT_PICKED'] as const;
export type ProductIdeaStatus = (typeof PRODUCT_IDEA_STATUSES)[number];

/** The first and last programme year an idea may be filed for (the programme began in 2018). */
export const PRODUCT_IDEA_YEARS = { min: 2018, max: 2100 } as const;

export class FileProductIdeaCommand {
  @ApiProperty({ description: 'The registered producer whose idea it is (a producer account: its own)' }) @IsUUID() producerId: string;
  @ApiProperty({ example: 2025, description: "The programme year the idea is proposed for: the as-of instant's year or the next" })
  @IsInt()
  @Min(PRODUCT_IDEA_YEARS.min)
  @Max(PRODUCT_IDEA_YEARS.max)
  year: number;
  @ApiProperty({ example: 'Mật ong rừng Như Xuân', description: 'The proposed product name' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ description: 'One of the 26 product sets, "01".."26" (GET /api/reference/product-sets)', example: '04' })
  @IsString()
  @Matches(/^\d{2}$/, { message: 'productSetCode must be a two-digit product set code' })
  productSetCode: string;
  @ApiPropertyOptional({ example: 'Mật ong khai thác từ rừng tự nhiên, đóng chai 500 ml.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;
  @ApiProperty({ example: 'Mật ong hoa rừng của các hộ nuôi ong xã Thanh Quân', description: 'Raw materials and their origin' })
  @IsString()
  @Length(2, 2000)
  rawMaterials: string;
  @ApiProperty({ example: 'Cửa hàng đặc sản trong tỉnh, khách du lịch, sàn thương mại điện tử' })
  @IsString()
  @Length(2, 1000)
  expectedMarket: string;
}

export class ProductIdeaIdQuery {
  @ApiProperty() @IsUUID() ideaId: string;
}

export class ListProductIdeasQuery extends PageQuery {
  @QueryInt(PRODUCT_IDEA_YEARS.min, PRODUCT_IDEA_YEARS.max, { description: 'The programme year' }) year?: number;
  @ApiPropertyOptional({ enum: PRODUCT_IDEA_STATUSES }) @IsOptional() @IsIn(PRODUCT_IDEA_STATUSES) status?: ProductIdeaStatus;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be a 3-digit district code' })
  districtCode?: string;
}

export class AssessProductIdeaBody {
  @ApiProperty({ description: 'Whether the district keeps the idea for its list' }) @IsBoolean() feasible: boolean;
  @ApiPropertyOptional({
    example: 'Nguồn nguyên liệu chưa ổn định, chưa đủ sản lượng để thương mại hóa.',
    description: 'Why not (required when not feasible); a remark otherwise',
  })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;
}
export class AssessProductIdeaCommand extends AssessProductIdeaBody {
  @ApiProperty() @IsUUID() ideaId: string;
}

export class SendProductIdeaListCommand {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(PRODUCT_IDEA_YEARS.min) @Max(PRODUCT_IDEA_YEARS.max) year: number;
}

export class PickProductIdeaCommand {
  @ApiProperty() @IsUUID() ideaId: string;
}

export class RejectProductIdeaBody {
  @ApiProperty({ example: 'Sản phẩm trùng với sản phẩm đã được chọn của huyện năm nay.' }) @IsString() @Length(3, 2000) reason: string;
}
export class RejectProductIdeaCommand extends RejectProductIdeaBody {
  @ApiProperty() @IsUUID() ideaId: string;
}

export class ProductIdeaView {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() producerId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() communeCode: string;
  @ApiProperty() name: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() productGroup: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiProperty() rawMaterials: string;
  @ApiProperty() expectedMarket: string;
  @ApiProperty({ enum: PRODUCT_IDEA_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The district's reason (why not feasible) or remark" })
  feasibilityReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assessedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) listId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The province's reason for not picking it" }) decisionReason:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) pickedProductId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) pickedDossierId: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProductIdeaListView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() year: number;
  @ApiProperty() sentAt: string;
  @ApiProperty() sentBy: string;
  @ApiProperty({ type: [ProductIdeaView], description: 'The feasible ideas the list carries to the province' }) ideas: ProductIdeaView[];
}
