import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../validation';

export class CreateRoundCommand {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2019) @Max(2100) cycleYear: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(12) number: number;
  @ApiProperty({ example: 'Đợt 2 năm 2026' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ example: '2026-07-01' }) @IsCalendarDate() opensOn: string;
  @ApiProperty({ example: '2026-12-15' }) @IsCalendarDate() closesOn: string;
  @ApiPropertyOptional({
    example: '38',
    description: 'The province whose round this is: required for a national admin, otherwise your own (default)',
  })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a 2-digit province code' })
  provinceCode?: string;
}

export class ListRoundsQuery {
  @ApiPropertyOptional({
    example: '38',
    description: "A national admin: this province's rounds (default: every province's); others: only their own province",
  })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a 2-digit province code' })
  provinceCode?: string;
}

export class RoundView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() cycleYear: number;
  @ApiProperty() number: number;
  @ApiProperty() name: string;
  @ApiProperty() opensOn: string;
  @ApiProperty() closesOn: string;
  @ApiProperty({ description: "Open at the request's as-of instant" }) open: boolean;
}
