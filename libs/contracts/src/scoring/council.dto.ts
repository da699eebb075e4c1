import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NestedList } from '../validation';
import { PageQuery } from '../query';

export const COUNCIL_TIERS = ['DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export const COUNCIL_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'SECRETARY', 'ADVISOR'] as const;
/** Points with at most two decimals, as text: "10", "9.5". */
export const POINTS_TEXT = /^(0|[1-9]\d{0,2})(\.\d{1,2})?$/;

export class CouncilMemberInput {
  @ApiProperty({ description: 'Platform user (role COUNCIL_MEMBER) who sits on the council' }) @IsUUID() userId: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @Length(2, 120) fullName: string;
  @ApiProperty({ example: 'Sở Nông nghiệp và Môi trường' }) @IsString() @Length(2, 200) agency: string;
  @ApiProperty({ enum: COUNCIL_ROLES, description: 'CHAIR, VICE_CHAIR and MEMBER score; SECRETARY and ADVISOR (advisory team) do not' })
  @IsIn(COUNCIL_ROLES)
  role: (typeof COUNCIL_ROLES)[number];
}

export class CreateCouncilCommand {
  @ApiProperty({ example: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa năm 2026' }) @IsString() @Length(5, 300) name: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) @IsIn(COUNCIL_TIERS) tier: (typeof COUNCIL_TIERS)[number];
  @ApiProperty({ example: '38', description: 'District code (DISTRICT), province code (PROVINCE) or "VN" (CENTRAL)' })
  @Matches(/^(\d{2,3}|VN)$/, { message: 'unitCode must be a district or province code, or VN' })
  unitCode: string;
  @ApiProperty({ example: 'UBND tỉnh Thanh Hóa', description: 'Authority the council advises, printed on its minutes' })
  @IsString()
  @Length(3, 200)
  authorityName: string;
  @ApiProperty({ example: 'Thanh Hóa', description: 'Place name for the date line of its documents' })
  @IsString()
  @Length(2, 100)
  placeName: string;
  @ApiProperty({ example: 5, description: 'Scoring members who must be present to close a session' })
  @IsInt()
  @Min(1)
  @Max(50)
  quorum: number;
  @ApiPropertyOptional({ default: true, description: 'The chair must be among those present' })
  @IsOptional()
  @IsBoolean()
  chairRequired?: boolean;
  @ApiPropertyOptional({ default: '10', description: "Largest allowed difference between members' totals (points)" })
  @IsOptional()
  @Matches(POINTS_TEXT, { message: 'spreadLimit must be points with at most 2 decimals' })
  spreadLimit?: string;
  @ApiProperty({ type: [CouncilMemberInput], minItems: 2, maxItems: 60 })
  @NestedList(() => CouncilMemberInput, 2, 60)
  members: CouncilMemberInput[];
}

export class CouncilIdQuery {
  @ApiProperty() @IsUUID() councilId: string;
}

export class ListCouncilsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNCIL_TIERS }) @IsOptional() @IsIn(COUNCIL_TIERS) tier?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^(\d{2,3}|VN)$/, { message: 'unitCode must be a district or province code, or VN' })
  unitCode?: string;
}

export class DeclareConflictBody {
  @ApiProperty({ description: 'The producer the member is linked to' }) @IsUUID() producerId: string;
  @ApiProperty({ example: 'Thành viên là cổ đông của chủ thể' }) @IsString() @Length(3, 500) reason: string;
}

export class DeclareConflictCommand extends DeclareConflictBody {
  @ApiProperty() @IsUUID() councilId: string;
  @ApiProperty() @IsUUID() memberId: string;
}

export class ConflictView {
  @ApiProperty() producerId: string;
  @ApiProperty() reason: string;
  @ApiProperty() declaredAt: string;
}

export class CouncilMemberView {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() agency: string;
  @ApiProperty({ enum: COUNCIL_ROLES }) role: string;
  @ApiProperty() voting: boolean;
  @ApiProperty({ type: [ConflictView] }) conflicts: ConflictView[];
}

export class CouncilView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) tier: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() authorityName: string;
  @ApiProperty() placeName: string;
  @ApiProperty() quorum: number;
  @ApiProperty() chairRequired: boolean;
  @ApiProperty({ example: '10.00' }) spreadLimit: string;
  @ApiProperty({ type: [CouncilMemberView] }) members: CouncilMemberView[];
  @ApiProperty() createdAt: string;
}
