import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { NestedList } from '../validation';

export class ContractDto {
  @ApiProperty({ example: 'Công ty TNHH Thương mại Minh Phát' }) @IsString() @Length(2, 300) partner: string;
  @ApiProperty({ example: 120_000_000, description: 'In đồng' }) @IsInt() @Min(0) @Max(1_000_000_000_000) valueVnd: number;
}

/**
 * What a participant reports after an event: sales and the contracts it signed (each with its value), and for a
 * livestream its viewers and orders. The declared totals, when given, must be the sums of their parts.
 */
export class ReportResultsBody {
  @ApiProperty({ example: 35_000_000, description: 'Sales at the event, in đồng' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  salesVnd: number;
  @ApiProperty({ type: [ContractDto] }) @NestedList(() => ContractDto, 0, 200) contracts: ContractDto[];
  @ApiPropertyOptional({ description: 'The contracts’ total as the participant states it: it must equal their sum' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200_000_000_000_000)
  contractsValueVnd?: number;
  @ApiPropertyOptional({ description: 'Livestreams only' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) viewers?: number;
  @ApiPropertyOptional({ description: 'Livestreams only' }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) orders?: number;
}
export class ReportResultsCommand extends ReportResultsBody {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class ParticipantResultView {
  @ApiProperty() applicationId: string;
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty() salesVnd: number;
  @ApiProperty({ type: [ContractDto] }) contracts: ContractDto[];
  @ApiProperty() contractsValueVnd: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) viewers: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) orders: number | null;
  @ApiProperty() reportedBy: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ description: 'Times it was reported (1 = first)' }) revision: number;
}

export class EventResultsView {
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'Participants holding a slot' }) participants: number;
  @ApiProperty() reported: number;
  @ApiProperty() salesVnd: number;
  @ApiProperty() contracts: number;
  @ApiProperty() contractsValueVnd: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) viewers: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) orders: number | null;
  @ApiProperty({ type: [ParticipantResultView] }) results: ParticipantResultView[];
}
