import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../query';
import { COUNCIL_TIERS } from './council.dto';

/**
 * Agencies nominate their members of a unit's council (issue 16): an agency officer proposes one of its experts (a
 * council-member account of the province) for a seat; the unit's office accepts or rejects; an accepted nominee is
 * seated when the office sets up the council with them (a council is never changed once created).
 */
export const NOMINATION_ROLES = ['VICE_CHAIR', 'MEMBER', 'ADVISOR'] as const;
export const NOMINATION_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'SEATED'] as const;

export class NominateMemberCommand {
  @ApiProperty({ enum: COUNCIL_TIERS }) @IsIn(COUNCIL_TIERS) tier: (typeof COUNCIL_TIERS)[number];
  @ApiProperty({ example: '38' })
  @Matches(/^(\d{2,3}|VN)$/, { message: 'unitCode must be a district or province code, or VN' })
  unitCode: string;
  @ApiProperty({ description: "The nominee's platform account (role COUNCIL_MEMBER)" }) @IsUUID() userId: string;
  @ApiProperty({ example: 'Trần Thị Hạnh' }) @IsString() @Length(2, 120) fullName: string;
  @ApiProperty({ example: 'Sở Y tế tỉnh Thanh Hóa', description: 'The agency as it is written in the council decision' })
  @IsString()
  @Length(2, 200)
  agency: string;
  @ApiProperty({ enum: NOMINATION_ROLES }) @IsIn(NOMINATION_ROLES) role: (typeof NOMINATION_ROLES)[number];
  @ApiPropertyOptional({ example: 'Phó Trưởng phòng Nghiệp vụ Y, phụ trách an toàn thực phẩm' })
  @IsOptional()
  @IsString()
  @Length(2, 1000)
  note?: string;
}

export class NominationIdCommand {
  @ApiProperty() @IsUUID() nominationId: string;
}

export class RejectNominationBody {
  @ApiProperty({ example: 'Hội đồng đã đủ thành viên chuyên ngành an toàn thực phẩm' }) @IsString() @Length(3, 1000) reason: string;
}
export class RejectNominationCommand extends RejectNominationBody {
  @ApiProperty() @IsUUID() nominationId: string;
}

export class ListNominationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNCIL_TIERS }) @IsOptional() @IsIn(COUNCIL_TIERS) tier?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^(\d{2,3}|VN)$/, { message: 'unitCode must be a district or province code, or VN' })
  unitCode?: string;
  @ApiPropertyOptional({ enum: NOMINATION_STATUSES }) @IsOptional() @IsIn(NOMINATION_STATUSES) status?: string;
}

export class NominationView {
  @ApiProperty() id: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) tier: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() agency: string;
  @ApiProperty({ enum: NOMINATION_ROLES }) role: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: string;
  @ApiProperty() nominatedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The council the nominee was seated on' }) councilId: string | null;
}
