import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery, Role } from '@ocop/contracts';

export class LoginBody {
  @ApiProperty({ example: 'commune.officer' }) @IsString() @Length(1, 100) username: string;
  @ApiProperty({ example: 'ocop-demo-2026' }) @IsString() @Length(1, 200) password: string;
}

export class TokenView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ example: 3600 }) expiresIn: number;
}

export class CreateUserBody {
  @ApiProperty({ example: 'xa.dongthanh' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,49}$/, { message: 'username must be 3-50 lowercase letters, digits, dots, dashes or underscores' })
  username: string;
  @ApiProperty({ description: 'At least 12 characters', example: 'mat-khau-rat-dai-2026' }) @IsString() @Length(12, 200) password: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @Length(2, 120) fullName: string;
  @ApiProperty({ enum: Role }) @IsIn(Object.values(Role)) role: Role;
  @ApiProperty({
    example: '38',
    description:
      "A province among the administrative units, or VN: a national account (council members of the ministry's council, central agency staff, labs)",
  })
  @Matches(/^(\d{2}|VN)$/, { message: 'provinceCode must be a 2-digit province code or VN' })
  provinceCode: string;
  @ApiPropertyOptional({ example: '380' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be a 3-digit district code' })
  districtCode?: string;
  @ApiPropertyOptional({ example: '14801' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode?: string;
  @ApiPropertyOptional({ example: 'SCT', description: 'Agency code for agency officers and labs' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{2,20}$/, { message: 'agencyCode must be 2-20 uppercase letters or digits' })
  agencyCode?: string;
  @ApiPropertyOptional({ description: 'Producer represented (producers only)' }) @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ description: "The consultant in registration's register (consultants only)" })
  @IsOptional()
  @IsUUID()
  consultantId?: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: Role }) role: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) communeCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) producerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) consultantId: string | null;
  @ApiProperty() active: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsIn(Object.values(Role)) role?: Role;
  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) users', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class ScopeView {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Province code, or * for every province' }) provinceCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) communeCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'For a consultant: the producer it acts for in this request' })
  producerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) consultantId: string | null;
}

/** The authenticated actor as the services see it. */
export class ActorView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ type: ScopeView }) scope: ScopeView;
}
