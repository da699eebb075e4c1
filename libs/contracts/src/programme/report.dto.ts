import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsInstant, QueryInt } from '../validation';
import { PageQuery } from '../query';

/**
 * The programme's reports (issue 17): a district's annual report to the province and the province's to the ministry, due
 * before days the province sets (Ninh Bình: districts before 1 December, the province before 20 December), and ad-hoc
 * reports on any period. A report's figures are counted as of its submission and frozen there; its XLSX and PDF are
 * rendered from those frozen figures.
 */
export const REPORT_KINDS = ['DISTRICT_ANNUAL', 'PROVINCE_ANNUAL', 'AD_HOC'] as const;
export const REPORT_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'GENERATED'] as const;
export const PROGRAMME_JOB_NAMES = ['report-reminders'] as const;

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SetReportSettingsBody {
  @ApiProperty({ example: '12-01', description: 'Districts report before this day of the year (MM-DD): before 1 December' })
  @Matches(MONTH_DAY, { message: 'districtDueBefore must be a day of the year such as 12-01' })
  districtDueBefore: string;
  @ApiProperty({ example: 'UBND tỉnh (qua Văn phòng Điều phối nông thôn mới tỉnh)', description: 'Whom the districts report to' })
  @IsString()
  @Length(3, 300)
  districtRecipient: string;
  @ApiPropertyOptional({ example: '12-20', description: 'The province reports before this day (MM-DD); absent: not kept here' })
  @IsOptional()
  @Matches(MONTH_DAY, { message: 'provinceDueBefore must be a day of the year such as 12-20' })
  provinceDueBefore?: string;
  @ApiPropertyOptional({ example: 'Bộ Nông nghiệp và Môi trường (qua Văn phòng Điều phối nông thôn mới Trung ương)' })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  provinceRecipient?: string;
  @ApiProperty({ example: 7, description: 'Days before each due day at which a unit that has not reported is reminded, once' })
  @IsInt()
  @Min(1)
  @Max(60)
  reminderDays: number;
}
export class SetReportSettingsCommand extends SetReportSettingsBody {
  @ApiProperty({ example: '38' }) @Matches(/^\d{2}$/, { message: 'provinceCode must be a province code' }) provinceCode: string;
}

export class ProvinceCodeQuery {
  @ApiProperty({ example: '38' }) @Matches(/^\d{2}$/, { message: 'provinceCode must be a province code' }) provinceCode: string;
}

export class ReportSettingsView extends SetReportSettingsBody {
  @ApiProperty() provinceCode: string;
  @ApiProperty() updatedAt: string;
}

export class SubmitReportBody {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: (typeof REPORT_KINDS)[number];
  @ApiProperty({ example: '395', description: 'The district (DISTRICT_ANNUAL), the province (PROVINCE_ANNUAL), either (AD_HOC)' })
  @Matches(/^\d{2,3}$/, { message: 'unitCode must be a province or district code' })
  unitCode: string;
  @ApiPropertyOptional({ example: 2024, description: 'An annual report’s year' })
  @IsOptional()
  @IsInt()
  @Min(2018)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ example: '2024-01-01', description: 'AD_HOC: the first day of the period' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ example: '2024-06-30', description: 'AD_HOC: the last day of the period' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ example: 'Báo cáo số 215/BC-UBND', description: 'The report’s own number' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

export class ReportIdQuery {
  @ApiProperty() @IsUUID() reportId: string;
}

export class AcknowledgeReportBody {
  @ApiPropertyOptional({ example: 'Đã nhận báo cáo' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}
export class AcknowledgeReportCommand extends AcknowledgeReportBody {
  @ApiProperty() @IsUUID() reportId: string;
}

export class ListReportsQuery extends PageQuery {
  @QueryInt(2018, 2100, { description: 'Annual reports of this year' }) year?: number;
  @ApiPropertyOptional({ enum: REPORT_KINDS }) @IsOptional() @IsIn(REPORT_KINDS) kind?: (typeof REPORT_KINDS)[number];
}

export class ReportStarCounts {
  @ApiProperty() stars3: number;
  @ApiProperty() stars4: number;
  @ApiProperty() stars5: number;
  @ApiProperty() total: number;
}

export class ReportCertificateFigures {
  @ApiProperty({ type: ReportStarCounts, description: 'Certificates issued in the period, by star level' }) issued: ReportStarCounts;
  @ApiProperty({ description: 'Of those, products certified for the first time' }) firstCertifications: number;
  @ApiProperty({ type: ReportStarCounts, description: 'Certificates valid at the end of the period (or as of the report, if earlier)' })
  valid: ReportStarCounts;
  @ApiProperty({ description: 'Certificates revoked in the period' }) revoked: number;
}

export class ReportTargetFigures {
  @ApiProperty() planId: string;
  @ApiProperty({ description: 'The target’s kind (TARGET_KINDS)' }) kind: string;
  @ApiProperty() traditionalOnly: boolean;
  @ApiProperty() planReference: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) stars: number | null;
  @ApiProperty() year: number;
  @ApiProperty() value: number;
  @ApiProperty() achieved: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) percent: number | null;
}

export class ReportRewardFigures {
  @ApiProperty({ description: 'Rewards made due in the period' }) due: number;
  @ApiProperty() dueVnd: number;
  @ApiProperty({ description: 'Rewards paid in the period' }) paid: number;
  @ApiProperty() paidVnd: number;
  @ApiProperty({ description: 'Rewards stopped in the period (certificate revoked before payment)' }) stopped: number;
}

export class ReportFigures {
  @ApiProperty({ description: 'The instant the figures were counted as of' }) asOf: string;
  @ApiProperty({ type: ReportCertificateFigures }) certificates: ReportCertificateFigures;
  @ApiProperty({ type: [ReportTargetFigures], description: 'The targets of the year’s plans for the unit, with what was achieved' })
  targets: ReportTargetFigures[];
  @ApiProperty({ type: ReportRewardFigures }) rewards: ReportRewardFigures;
}

export class ReportView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) year: number | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'An annual report: whom it goes to (the province’s setting)' })
  recipient: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'An annual report: it was due before this day' })
  dueBefore: string | null;
  @ApiProperty({ description: 'Submitted on or after its due day' }) late: boolean;
  @ApiProperty({ type: ReportFigures }) figures: ReportFigures;
  @ApiProperty() submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiPropertyOptional({ type: String, nullable: true }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acknowledgementNote: string | null;
}

export class RunProgrammeJobBody {
  @ApiPropertyOptional({ description: 'Run as of this instant (refused in production mode)' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
export class RunProgrammeJobCommand extends RunProgrammeJobBody {
  @ApiProperty({ enum: PROGRAMME_JOB_NAMES }) @IsIn(PROGRAMME_JOB_NAMES) name: string;
}
export class ProgrammeJobRunView {
  @ApiProperty({ enum: PROGRAMME_JOB_NAMES }) name: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: Object, example: { reminders: 3 } }) result: Record<string, number>;
}

export class IndicatorsQuery {
  @QueryInt(2018, 2100, { description: 'The year (default: the year of X-As-Of)' }) year?: number;
  @ApiPropertyOptional({ example: '380', description: 'A district (a district officer: its own); absent: the province' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'unitCode must be a district code' })
  unitCode?: string;
}

export class ProductSetIndicatorView {
  @ApiProperty({ example: '08' }) productSetCode: string;
  @ApiProperty({ description: 'Registered products of the set' }) products: number;
  @ApiProperty({ description: 'Of them, holding a valid certificate' }) certified: number;
}

export class EvaluationIndicatorsView {
  @ApiProperty() completed: number;
  @ApiProperty() notCertified: number;
  @ApiProperty() forwardedToMinistry: number;
}

export class InspectionIndicatorsView {
  @ApiProperty({ description: 'Inspection tasks completed' }) completed: number;
  @ApiProperty() violations: number;
}

/** A unit's year at a glance, from the programme's read models of the other services' events. */
export class IndicatorsView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() year: number;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: ReportCertificateFigures }) certificates: ReportCertificateFigures;
  @ApiPropertyOptional({ type: [ProductSetIndicatorView], nullable: true, description: 'The province only' })
  productsBySet: ProductSetIndicatorView[] | null;
  @ApiPropertyOptional({ type: EvaluationIndicatorsView, nullable: true, description: 'The province only' })
  evaluations: EvaluationIndicatorsView | null;
  @ApiProperty({ type: InspectionIndicatorsView }) inspections: InspectionIndicatorsView;
  @ApiProperty() salesPointsOpened: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The province only' }) promotionEventsPlanned: number | null;
  @ApiProperty() classesHeld: number;
  @ApiProperty() peopleTrained: number;
}
