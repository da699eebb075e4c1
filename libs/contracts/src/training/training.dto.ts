import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, List, NestedList, QueryInt } from '../validation';
import { PageQuery } from '../query';

/** Who a course is for, as the plans group them. */
export const TARGET_GROUPS = [
  'COUNCIL',
  'OFFICIALS',
  'DEPARTMENT_OFFICIALS',
  'CONSULTANTS',
  'PRODUCERS_3STAR',
  'POTENTIAL_PRODUCERS',
  'TRAINERS',
  'WORKERS',
] as const;
export const CLASS_STATUSES = ['PLANNED', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export const CLASS_TRANSITIONS = ['open', 'start', 'complete', 'cancel'] as const;
export const CO_PROGRAMMES = ['AGRICULTURAL_EXTENSION', 'INDUSTRIAL_EXTENSION', 'VOCATIONAL'] as const;
export const ENROLMENT_STATUSES = ['ENROLLED', 'WAITLISTED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'] as const;

export class CreateCourseCommand {
  @ApiProperty({ example: 'Kỹ năng bán hàng trên sàn thương mại điện tử' }) @IsString() @Length(3, 300) title: string;
  @ApiProperty({ enum: TARGET_GROUPS }) @IsIn(TARGET_GROUPS) targetGroup: (typeof TARGET_GROUPS)[number];
  @ApiProperty({ type: [String], example: ['Mở gian hàng', 'Livestream bán hàng'] })
  @List(1, 30)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  topics: string[];
  @ApiProperty({ example: 3, description: 'Days a class of the course lasts' }) @IsInt() @Min(1) @Max(60) durationDays: number;
}

/** A material of a course (slides, a handbook): stored once uploaded, each title keeping its versions. */
export class AttachMaterialCommand {
  @ApiProperty() @IsUUID() courseId: string;
  @ApiProperty({ example: 'Bài giảng thương mại điện tử' }) @IsString() @Length(2, 200) title: string;
  @ApiProperty() @IsString() @Length(1, 255) fileName: string;
  @ApiProperty() @IsString() @Length(3, 100) contentType: string;
  @ApiProperty() @IsInt() @Min(1) @Max(50 * 1024 * 1024) size: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be a hex SHA-256' }) sha256: string;
  @ApiProperty() @IsString() @Length(3, 300) storageKey: string;
}

export class MaterialIdQuery {
  @ApiProperty() @IsUUID() courseId: string;
  @ApiProperty() @IsUUID() materialId: string;
}

export class MaterialView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '1 for the first upload of the title, then 2, 3, ...' }) version: number;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() uploadedAt: string;
}

/** Where the gateway finds a material's file (it owns the object storage). */
export class MaterialFileView {
  @ApiProperty() storageKey: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
}

export class ListCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: string;
}

export class CreateClassCommand {
  @ApiProperty() @IsUUID() courseId: string;
  @ApiProperty({ example: 'Lớp tập huấn thương mại điện tử cho chủ thể OCOP năm 2024' }) @IsString() @Length(3, 300) title: string;
  @ApiProperty({ example: '2024-06-10' }) @IsCalendarDate() startsOn: string;
  @ApiProperty({ example: '2024-06-12' }) @IsCalendarDate() endsOn: string;
  @ApiPropertyOptional({ example: 'Hội trường Sở Công Thương' }) @IsOptional() @IsString() @Length(2, 300) place?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() online?: boolean;
  @ApiPropertyOptional({ example: 'Tỉnh Quảng Ninh', description: 'A study tour: where it goes' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  destination?: string;
  @ApiProperty({ example: 135 }) @IsInt() @Min(1) @Max(10_000) capacity: number;
  @ApiProperty({ example: 'Sở Công Thương tỉnh Thanh Hóa' }) @IsString() @Length(2, 300) organiser: string;
  @ApiPropertyOptional({ enum: CO_PROGRAMMES }) @IsOptional() @IsIn(CO_PROGRAMMES) coProgramme?: (typeof CO_PROGRAMMES)[number];
  @ApiPropertyOptional({ example: 'Kinh phí khuyến công' }) @IsOptional() @IsString() @Length(2, 300) fundingSource?: string;
  @ApiPropertyOptional({ example: '1366/KH-UBND ngày 28/4/2023' }) @IsOptional() @IsString() @Length(2, 300) planReference?: string;
  @ApiPropertyOptional({
    example: 60,
    description: 'Share of days (percent) a person attends to complete; default TRAINING_COMPLETION_PERCENT',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  completionPercent?: number;
  @ApiPropertyOptional({ example: '380', description: "A district office's class: its district (set from the office's own scope)" })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be three digits' })
  districtCode?: string;
}

export class ListClassesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ enum: CLASS_STATUSES }) @IsOptional() @IsIn(CLASS_STATUSES) status?: string;
}

export class ClassIdQuery {
  @ApiProperty() @IsUUID() classId: string;
}

export class TransitionClassBody {
  @ApiProperty({ enum: CLASS_TRANSITIONS, description: 'open (enrolment), start, complete, or cancel' })
  @IsIn(CLASS_TRANSITIONS)
  transition: (typeof CLASS_TRANSITIONS)[number];
}
export class TransitionClassCommand extends TransitionClassBody {
  @ApiProperty() @IsUUID() classId: string;
}

/** Who is enrolled: a platform user (themselves, or by their office), or a person named by a producer or an office. */
export class EnrolBody {
  @ApiPropertyOptional({ description: 'A platform user (council member, inspector, official); absent: a person named below' })
  @IsOptional()
  @IsUUID()
  userId?: string;
  @ApiPropertyOptional({ description: 'The producer whose manager or worker this is (a producer account: its own)' })
  @IsOptional()
  @IsUUID()
  producerId?: string;
  @ApiPropertyOptional({ example: 'Lê Thị Hoa' }) @IsOptional() @IsString() @Length(2, 120) fullName?: string;
  @ApiPropertyOptional({ example: 1990, description: 'With the name, tells two people of one name apart' })
  @IsOptional()
  @IsInt()
  @Min(1920)
  @Max(2015)
  birthYear?: number;
  @ApiPropertyOptional({ example: 'Công nhân sản xuất' }) @IsOptional() @IsString() @Length(2, 120) position?: string;
}
export class EnrolCommand extends EnrolBody {
  @ApiProperty() @IsUUID() classId: string;
}

export class EnrolmentIdQuery {
  @ApiProperty() @IsUUID() enrolmentId: string;
}

export class ListEnrolmentsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() classId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES }) @IsOptional() @IsIn(ENROLMENT_STATUSES) status?: string;
}

export class AttendanceEntryDto {
  @ApiProperty() @IsUUID() enrolmentId: string;
  @ApiProperty() @IsBoolean() present: boolean;
  @ApiPropertyOptional({ example: 'Ốm' }) @IsOptional() @IsString() @Length(2, 300) reason?: string;
}

export class RecordAttendanceBody {
  @ApiProperty({ example: '2024-06-10' }) @IsCalendarDate() day: string;
  @ApiProperty({ type: [AttendanceEntryDto] }) @NestedList(() => AttendanceEntryDto, 1, 10_000) entries: AttendanceEntryDto[];
}
export class RecordAttendanceCommand extends RecordAttendanceBody {
  @ApiProperty() @IsUUID() classId: string;
}

export class ListInvitationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() producerId?: string;
}

export class CourseView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
  @ApiProperty({ example: 'Chủ thể có sản phẩm OCOP từ 3 sao' }) targetGroupVi: string;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() durationDays: number;
  @ApiProperty({ type: [MaterialView], description: 'Every version of every material, newest first' }) materials: MaterialView[];
  @ApiProperty() createdAt: string;
}

export class ClassView {
  @ApiProperty() id: string;
  @ApiProperty() courseId: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ description: 'Days of the class (startsOn to endsOn)' }) days: number;
  @ApiPropertyOptional({ type: String, nullable: true }) place: string | null;
  @ApiProperty() online: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) destination: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty() organiser: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: CO_PROGRAMMES }) coProgramme: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) fundingSource: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) planReference: string | null;
  @ApiProperty() completionPercent: number;
  @ApiProperty({ enum: CLASS_STATUSES }) status: string;
  @ApiProperty({ description: 'Persons holding a place' }) enrolled: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class EnrolmentView {
  @ApiProperty() id: string;
  @ApiProperty() classId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) userId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) producerId: string | null;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) birthYear: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Place on the waiting list' }) waitlistPosition: number | null;
  @ApiProperty() daysAttended: number;
  @ApiProperty() enrolledBy: string;
  @ApiProperty() enrolledAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Its completion certificate, once completed' }) certificateNumber:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The code of the certificate's public page" }) certificateCode:
    string | null;
}

export class TrainingCodeQuery {
  @ApiProperty({ example: 'K7QF2M9XAB' }) @Matches(/^[0-9A-Z]{10}$/, { message: 'code must be 10 characters 0-9 A-Z' }) code: string;
}

/** A training completion certificate as anyone may check it: the person, the course and class, the days attended. */
export class PublicTrainingCertificateView {
  @ApiProperty() valid: boolean;
  @ApiProperty() code: string;
  @ApiProperty() number: string;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) birthYear: number | null;
  @ApiProperty() courseTitle: string;
  @ApiProperty() classTitle: string;
  @ApiProperty() organiser: string;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty() daysAttended: number;
  @ApiProperty() days: number;
  @ApiProperty() issuedAt: string;
}

export class InvitationView {
  @ApiProperty() id: string;
  @ApiProperty() producerId: string;
  @ApiProperty() classId: string;
  @ApiProperty() classTitle: string;
  @ApiProperty({ example: 'CERTIFIED' }) reason: string;
  @ApiProperty() createdAt: string;
}

export class CreateTrainingPlanCommand {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2019) @Max(2100) year: number;
  @ApiProperty({ enum: TARGET_GROUPS }) @IsIn(TARGET_GROUPS) targetGroup: (typeof TARGET_GROUPS)[number];
  @ApiProperty({ example: 2, description: 'Classes planned for the group this year' }) @IsInt() @Min(0) @Max(1000) classesPlanned: number;
  @ApiPropertyOptional({ example: 120, description: 'Places planned' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  placesPlanned?: number;
  @ApiPropertyOptional({ example: 100, description: 'Share of the unit’s people of the group to train (officials, council members)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  coverageTargetPercent?: number;
  @ApiPropertyOptional({ example: '1366/KH-UBND ngày 28/4/2023' }) @IsOptional() @IsString() @Length(2, 300) reference?: string;
}

export class TrainingProgressQuery {
  @ApiProperty({ example: 2024 }) @QueryInt(2019, 2100) year: number;
  @ApiPropertyOptional({ example: '380', description: "A district (a district office: its own); absent: the caller's province" })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'unitCode must be a district code' })
  unitCode?: string;
}

export class ClassFillView {
  @ApiProperty() classId: string;
  @ApiProperty() title: string;
  @ApiProperty() capacity: number;
  @ApiProperty() enrolled: number;
  @ApiProperty() waitlisted: number;
}

/** One target group's progress in a unit and year: classes, places, people, and coverage where the plan sets one. */
export class GroupProgressView {
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
  @ApiProperty() targetGroupVi: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) classesPlanned: number | null;
  @ApiProperty({ description: 'Classes completed' }) classesHeld: number;
  @ApiProperty({ description: 'Classes not cancelled' }) classesScheduled: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) placesPlanned: number | null;
  @ApiProperty() placesOffered: number;
  @ApiProperty() placesFilled: number;
  @ApiProperty({ description: 'Distinct persons who completed' }) peopleTrained: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) coverageTargetPercent: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Persons of the group the platform knows in the unit (its users)' })
  peopleKnown: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Of those, how many completed a class of the group this year' })
  peopleKnownTrained: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '66.67' }) coveragePercent: string | null;
  @ApiProperty({ type: [ClassFillView], description: 'Classes with a waiting list' }) overCapacity: ClassFillView[];
  @ApiProperty({ type: [ClassFillView], description: 'Classes held or running with under half their places filled' })
  underFilled: ClassFillView[];
}

export class TrainingProgressView {
  @ApiProperty() year: number;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: [GroupProgressView] }) groups: GroupProgressView[];
}

export class TrainingPlanView {
  @ApiProperty() id: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
  @ApiProperty() classesPlanned: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) placesPlanned: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) coverageTargetPercent: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() createdAt: string;
}

export class ListCouncilWarningsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() councilId?: string;
}

/** A council member who has not completed council training when seated (a warning for the office, never a block). */
export class CouncilWarningView {
  @ApiProperty() councilId: string;
  @ApiProperty() councilName: string;
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() role: string;
  @ApiProperty() createdAt: string;
}
