import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../query';
import { CommuneAssessmentEntryDto } from './catalogue.dto';
import { COUNCIL_TIERS } from './council.dto';
import { IsInstant, List, NestedList } from '../validation';

export const EVALUATION_STATUSES = ['AWAITING_SESSION', 'SCHEDULED', 'COMPLETED'] as const;
export const LAB_STATES = ['NOT_REQUIRED', 'PENDING', 'PASSED', 'FAILED'] as const;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export class ListEvaluationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNCIL_TIERS }) @IsOptional() @IsIn(COUNCIL_TIERS) tier?: string;
  @ApiPropertyOptional({ description: 'The unit whose council evaluates (district, province or VN)' })
  @IsOptional()
  @Matches(/^(\d{2,3}|VN)$/, { message: 'unitCode must be a district or province code, or VN' })
  unitCode?: string;
  @ApiPropertyOptional({ enum: EVALUATION_STATUSES, description: 'AWAITING_SESSION lists the candidates for an agenda' })
  @IsOptional()
  @IsIn(EVALUATION_STATUSES)
  status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() dossierId?: string;
}

export class EvaluationIdQuery {
  @ApiProperty() @IsUUID() evaluationId: string;
}

export class SetLabResultBody {
  @ApiProperty({ enum: ['PENDING', 'PASSED', 'FAILED'] }) @IsIn(['PENDING', 'PASSED', 'FAILED']) state: string;
  @ApiPropertyOptional({ example: 'PKQ-2026-0153', description: 'Reference of the lab result sheet (phiếu kết quả kiểm nghiệm)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class SetLabResultCommand extends SetLabResultBody {
  @ApiProperty() @IsUUID() evaluationId: string;
}

export class CapReasonView {
  @ApiProperty() stars: number;
  @ApiProperty() criterionCode: string;
  @ApiProperty() labelVi: string;
  @ApiProperty({ example: '2.00' }) required: string;
  @ApiProperty({ example: '1.40' }) mean: string;
}

export class SpreadView {
  @ApiProperty({ example: '78.00' }) min: string;
  @ApiProperty({ example: '91.00' }) max: string;
  @ApiProperty({ example: '13.00' }) difference: string;
  @ApiProperty() exceeded: boolean;
}

export class EvaluationResultView {
  @ApiProperty() sessionId: string;
  @ApiProperty() sheetCount: number;
  @ApiProperty({ description: "Sum of the members' totals in hundredths; the exact mean is sumHundredths / sheetCount" })
  sumHundredths: number;
  @ApiProperty({ example: '86.40', description: 'Mean floored to hundredths (display)' }) mean: string;
  @ApiProperty() band: number;
  @ApiProperty({ description: 'Highest star whose mandatory criteria all pass' }) cap: number;
  @ApiProperty({ description: 'min(band, cap)' }) rank: number;
  @ApiProperty({ type: [CapReasonView] }) capReasons: CapReasonView[];
  @ApiProperty({ enum: ['CERTIFY', 'FORWARD', 'NO_CERTIFICATE'] }) outcome: string;
  @ApiProperty() stars: number;
  @ApiPropertyOptional({ type: String, nullable: true }) certifyingTier: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) authorityUnitCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nextTier: string | null;
  @ApiProperty() catalogueCode: string;
  @ApiProperty() catalogueRevision: number;
  @ApiProperty() completedAt: string;
  @ApiPropertyOptional({ description: 'Scored against a PROVISIONAL catalogue revision (indicative points)' })
  provisionalCriteria?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: ['PROVISIONAL_CRITERIA'],
    description: 'Why a certificate the points earned is withheld',
  })
  withheldReason?: string | null;
}

export class DeferralView {
  @ApiProperty() sessionId: string;
  @ApiProperty({ type: [String], example: ['LAB_RESULT_MISSING'] }) reasons: string[];
  @ApiProperty() at: string;
}

export class EvaluationView {
  @ApiProperty() id: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() dossierKind: string;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) tier: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() legalVersion: string;
  @ApiProperty({ enum: EVALUATION_STATUSES }) status: string;
  @ApiProperty({ enum: LAB_STATES }) labState: string;
  @ApiProperty({ type: [String], description: "Agencies whose written opinion the province's rule requires before scoring" })
  requiredOpinions: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) labReference: string | null;
  @ApiPropertyOptional({ type: [CommuneAssessmentEntryDto], nullable: true }) communeAssessment: CommuneAssessmentEntryDto[] | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sessionId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Evaluation at the lower tier that forwarded this one' })
  forwardedFrom: string | null;
  @ApiPropertyOptional({ type: EvaluationResultView, nullable: true }) result: EvaluationResultView | null;
  @ApiPropertyOptional({ type: DeferralView, nullable: true }) lastDeferral: DeferralView | null;
  @ApiProperty() createdAt: string;
}

/** How a council scores a session's dossiers: at a meeting, or by written consultation (lấy ý kiến bằng văn bản). */
export const SESSION_MODES = ['MEETING', 'WRITTEN'] as const;

export class CreateSessionCommand {
  @ApiProperty() @IsUUID() councilId: string;
  @ApiProperty({ example: 'Phiên họp đánh giá đợt 2 năm 2026' }) @IsString() @Length(3, 300) title: string;
  @ApiPropertyOptional({ example: 'Hội trường UBND tỉnh' }) @IsOptional() @IsString() @Length(2, 300) location?: string;
  @ApiProperty({ example: '2026-11-24T08:00:00+07:00', description: 'The meeting, or the day a written consultation opens' })
  @IsInstant()
  scheduledFor: string;
  @ApiPropertyOptional({
    enum: SESSION_MODES,
    default: 'MEETING',
    description:
      'WRITTEN: the council scores re-evaluation dossiers without meeting (lấy ý kiến bằng văn bản về phiếu đánh giá): each scoring member sends a sheet by `sheetsDueAt`, no attendance, the quorum counted on sheets received',
  })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: string;
  @ApiPropertyOptional({
    example: '2026-11-30T17:00:00+07:00',
    description: 'WRITTEN only, and required there: the instant by which members send their sheets (after the as-of instant)',
  })
  @IsOptional()
  @IsInstant()
  sheetsDueAt?: string;
}

export class SessionIdQuery {
  @ApiProperty() @IsUUID() sessionId: string;
}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() councilId?: string;
  @ApiPropertyOptional({ enum: ['OPEN', 'CLOSED'] }) @IsOptional() @IsIn(['OPEN', 'CLOSED']) status?: string;
}

export class AddAgendaBody {
  @ApiProperty({ type: [String], description: "Evaluations awaiting a session at this council's tier and unit" })
  @List(1, 500)
  @IsUUID('all', { each: true })
  evaluationIds: string[];
}

export class AddAgendaCommand extends AddAgendaBody {
  @ApiProperty() @IsUUID() sessionId: string;
}

export class AttendanceBody {
  @ApiProperty({ type: [String], description: 'Council member ids present (replaces the previous list)' })
  @List(0, 60)
  @IsUUID('all', { each: true })
  presentMemberIds: string[];
}

export class AttendanceCommand extends AttendanceBody {
  @ApiProperty() @IsUUID() sessionId: string;
}

export class SheetEntryDto {
  @ApiProperty({ example: 'A1.2' }) @Matches(CODE, { message: 'criterionCode must be a criterion code' }) criterionCode: string;
  @ApiProperty({ example: 'c' }) @Matches(CODE, { message: 'optionCode must be an option code' }) optionCode: string;
  @ApiPropertyOptional({ example: '3', description: 'Points of the chosen option, as a cross-check (at most 2 decimals)' })
  @IsOptional()
  @IsString()
  @Length(1, 12)
  points?: string;
}

export class SubmitSheetBody {
  @ApiProperty({
    type: [SheetEntryDto],
    description: "One option per criterion of the dossier's criteria tree (commune-assessed criteria excluded under 148+1489)",
  })
  @NestedList(() => SheetEntryDto, 1, 300)
  entries: SheetEntryDto[];
}

export class SubmitSheetCommand extends SubmitSheetBody {
  @ApiProperty() @IsUUID() sessionId: string;
  @ApiProperty() @IsUUID() evaluationId: string;
}

export class SheetsQuery {
  @ApiProperty() @IsUUID() sessionId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() evaluationId?: string;
}

export class SheetView {
  @ApiProperty() id: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() evaluationId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() memberName: string;
  @ApiProperty({ example: '86.50' }) total: string;
  @ApiProperty({ type: Object, example: { A: '35.00', B: '21.50', C: '30.00' } }) partTotals: Record<string, string>;
  @ApiProperty({ type: [SheetEntryDto] }) entries: SheetEntryDto[];
  @ApiProperty({ description: 'Times the member corrected the sheet (1 = first submission)' }) revision: number;
  @ApiProperty() submittedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: SpreadView, nullable: true, description: "Spread of the dossier's submitted totals after this sheet" })
  spread: SpreadView | null;
}

export class SessionItemView {
  @ApiProperty() position: number;
  @ApiProperty() evaluationId: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() productName: string;
  @ApiProperty() producerName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() catalogueCode: string;
  @ApiProperty() catalogueRevision: number;
  @ApiProperty({ description: 'Present scoring members without a conflict of interest' }) expectedSheets: number;
  @ApiProperty() submittedSheets: number;
  @ApiProperty({ type: [String], description: 'Members excluded for a conflict of interest' }) excludedMemberIds: string[];
  @ApiPropertyOptional({ type: SpreadView, nullable: true }) spread: SpreadView | null;
  @ApiProperty({ description: 'The spread rule flagged this dossier during the session (discussed and re-scored)' }) spreadFlagged: boolean;
  @ApiProperty() labRequired: boolean;
  @ApiProperty({ enum: LAB_STATES }) labState: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['COMPLETED', 'DEFERRED'] }) outcome: string | null;
}

export class QuorumView {
  @ApiProperty() required: number;
  @ApiProperty({
    description:
      'Scoring members present; for a written consultation, scoring members who have sent a sheet for every dossier of the agenda they may score',
  })
  present: number;
  @ApiProperty() chairRequired: boolean;
  @ApiProperty({ description: 'The chair is present (written consultation: has sent all their sheets)' }) chairPresent: boolean;
  @ApiProperty() met: boolean;
}

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() councilId: string;
  @ApiProperty() councilName: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) tier: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
  @ApiProperty() scheduledFor: string;
  @ApiProperty({ enum: ['OPEN', 'CLOSED'] }) status: string;
  @ApiProperty({ example: 'BB-38-2026-0001' }) reference: string;
  @ApiProperty({ enum: SESSION_MODES }) mode: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'WRITTEN: members send their sheets by this instant' })
  sheetsDueAt: string | null;
  @ApiProperty({ type: [String], description: 'Empty for a written consultation (no attendance)' }) presentMemberIds: string[];
  @ApiProperty({ type: QuorumView }) quorum: QuorumView;
  @ApiProperty({ type: [SessionItemView] }) items: SessionItemView[];
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class MinutesResultView {
  @ApiProperty() order: number;
  @ApiProperty() evaluationId: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() productName: string;
  @ApiProperty() producerName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() sheetCount: number;
  @ApiProperty({ type: Object, description: "Each member's total, by member name" }) totals: Record<string, string>;
  @ApiProperty() mean: string;
  @ApiProperty() band: number;
  @ApiProperty() rank: number;
  @ApiProperty({ type: [CapReasonView] }) capReasons: CapReasonView[];
  @ApiProperty({ enum: ['CERTIFY', 'FORWARD', 'NO_CERTIFICATE'] }) outcome: string;
  @ApiProperty() stars: number;
  @ApiPropertyOptional({ type: String, nullable: true }) certifyingTier: string | null;
  @ApiProperty({ description: 'The conclusion in Vietnamese' }) decisionVi: string;
  @ApiProperty({ type: [String] }) excludedMembers: string[];
  @ApiProperty() spreadFlagged: boolean;
}

export class MinutesDeferredView {
  @ApiProperty() evaluationId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() productName: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty() reasonVi: string;
}

export class MinutesMemberView {
  @ApiProperty() memberId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() agency: string;
  @ApiProperty() role: string;
  @ApiProperty() roleVi: string;
  @ApiProperty({ description: 'Present at the meeting; for a written consultation, sent a sheet for every dossier they may score' })
  present: boolean;
}

/** How a written consultation was held, as its minutes state it (instead of attendance). */
export class WrittenConsultationMinutesView {
  @ApiProperty({ example: 'Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá' }) formVi: string;
  @ApiProperty() sheetsDueAt: string;
  @ApiProperty({ example: '30/11/2026 17:00', description: 'The deadline as dd/mm/yyyy HH:mm, Vietnam time' }) sheetsDueAtVi: string;
  @ApiProperty({ type: [String], description: 'Scoring members who sent a sheet for every dossier they may score' }) sentBy: string[];
  @ApiProperty({ type: [String], description: 'Scoring members with sheets missing when the consultation closed' }) missingFrom: string[];
  @ApiProperty({ description: 'The whole statement in Vietnamese' }) summaryVi: string;
}

export class MinutesView {
  @ApiProperty() sessionId: string;
  @ApiProperty() reference: string;
  @ApiProperty() councilId: string;
  @ApiProperty() councilNameVi: string;
  @ApiProperty() authorityVi: string;
  @ApiProperty() placeVi: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) tier: string;
  @ApiProperty() sessionTitle: string;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
  @ApiProperty() openedAt: string;
  @ApiProperty() closedAt: string;
  @ApiProperty({ type: [String] }) legalBasisVi: string[];
  @ApiProperty() catalogueVi: string;
  @ApiProperty({ enum: SESSION_MODES }) mode: string;
  @ApiPropertyOptional({ type: WrittenConsultationMinutesView, nullable: true, description: 'Set for a written consultation' })
  writtenConsultation: WrittenConsultationMinutesView | null;
  @ApiProperty({ type: QuorumView }) quorum: QuorumView;
  @ApiProperty({ type: [MinutesMemberView] }) members: MinutesMemberView[];
  @ApiProperty({ type: [MinutesResultView] }) results: MinutesResultView[];
  @ApiProperty({ type: [MinutesDeferredView] }) deferred: MinutesDeferredView[];
  @ApiPropertyOptional({ type: String, nullable: true }) chairName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) secretaryName: string | null;
}

export class PdfView {
  @ApiProperty() fileName: string;
  @ApiProperty() contentBase64: string;
}

export const SCORING_JOB_NAMES = ['district-transfer', 'written-consultation-reminders'] as const;

export class DistrictTransferItemView {
  @ApiProperty() evaluationId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() fromUnitCode: string;
  @ApiProperty() toUnitCode: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The open district session it was on' }) fromSessionId: string | null;
}

/** What the district-transfer job did (the 2025 legal calendar). */
export class DistrictTransferReportView {
  @ApiProperty() asOf: string;
  @ApiProperty({ description: 'False before 01/07/2025: district councils still act, nothing moves' }) due: boolean;
  @ApiProperty({ type: [DistrictTransferItemView] }) transferred: DistrictTransferItemView[];
}

/** Admin: run a scoring job now; outside production with an explicit as-of instant. */
export class RunScoringJobCommand {
  @ApiProperty({ enum: SCORING_JOB_NAMES }) @IsIn(SCORING_JOB_NAMES) name: string;
  @ApiPropertyOptional({ description: 'Run as of this instant (refused in production mode)' }) @IsOptional() @IsInstant() asOf?: string;
}

/** A criterion's room to grow: the members' mean beside its most (points, 2 decimals). */
export class CriterionGapView {
  @ApiProperty() code: string;
  @ApiProperty() labelVi: string;
  @ApiProperty({ example: '19.66' }) mean: string;
  @ApiProperty({ example: '30.00' }) max: string;
  @ApiProperty({ example: '10.34' }) headroom: string;
}

/**
 * The gap to the next star of a scored dossier (issue 18; Thanh Hóa's roadmap for the hard criteria of potential 4★/5★
 * products): the points the members' mean lacks for the next band, the mandatory criteria that would still cap it, and
 * each criterion's room to grow.
 */
export class StarGapView {
  @ApiProperty() evaluationId: string;
  @ApiProperty() stars: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The next certificate level; null at 5★' }) nextStars: number | null;
  @ApiProperty({ example: '15.34', description: 'Points the mean lacks for the next band’s border (0.00 when it reaches it)' })
  pointsMissing: string;
  @ApiProperty({ type: [CapReasonView], description: 'Mandatory requirements at or below the next level the mean fails' })
  mandatoryFailing: CapReasonView[];
  @ApiProperty({ type: [CriterionGapView], description: 'The most room first' }) criteria: CriterionGapView[];
}

export class SampleItemInput {
  @ApiProperty({ example: 'Rượu Tiên Nữ, chai 500 ml' }) @IsString() @Length(2, 300) description: string;
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
}

export class HandSamplesBody {
  @ApiProperty({ type: [SampleItemInput] }) @NestedList(() => SampleItemInput, 1, 20) items: SampleItemInput[];
  @ApiProperty({ example: 'Nguyễn Văn Bình, Văn phòng Điều phối nông thôn mới tỉnh', description: 'Who handed them over' })
  @IsString()
  @Length(2, 300)
  handedBy: string;
  @ApiPropertyOptional({ example: 'Bưu điện tỉnh (EMS)' }) @IsOptional() @IsString() @Length(2, 300) carrier?: string;
  @ApiPropertyOptional({ example: '45/CV-VPĐP' }) @IsOptional() @IsString() @Length(1, 200) reference?: string;
}
export class HandSamplesCommand extends HandSamplesBody {
  @ApiProperty() @IsUUID() evaluationId: string;
}

export class ReceiveSamplesBody {
  @ApiProperty({ example: 'Trần Thị Mai, Văn phòng Điều phối nông thôn mới Trung ương' }) @IsString() @Length(2, 300) receivedBy: string;
  @ApiPropertyOptional({ example: 'Đủ 6 chai, niêm phong nguyên vẹn' }) @IsOptional() @IsString() @Length(2, 2000) note?: string;
}
export class ReceiveSamplesCommand extends ReceiveSamplesBody {
  @ApiProperty() @IsUUID() sampleId: string;
}

export class MinistrySampleView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The province’s evaluation that forwarded the dossier' }) evaluationId: string;
  @ApiProperty({ type: [SampleItemInput] }) items: SampleItemInput[];
  @ApiProperty() handedBy: string;
  @ApiPropertyOptional({ type: String, nullable: true }) carrier: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() handedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptNote: string | null;
}
