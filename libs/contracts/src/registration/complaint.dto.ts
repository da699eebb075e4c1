import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../query';
import { IsCalendarDate } from '../validation';

/**
 * Public complaints (issue 18, community supervision of OCOP products): anyone reports a problem with a certified
 * product from its public page without a login and follows it by a receipt code; the standing office triages it; a
 * confirmed complaint opens an ad-hoc inspection campaign, and its outcome reaches the reporter.
 */
export const COMPLAINT_STATUSES = ['RECEIVED', 'CONFIRMED', 'DISMISSED', 'DUPLICATE', 'INSPECTING', 'RESOLVED'] as const;
export const COMPLAINT_DECISIONS = ['CONFIRMED', 'DISMISSED', 'DUPLICATE'] as const;
/** A receipt code: `PA-` and ten characters of Crockford's base32 (no I, L, O, U). */
export const COMPLAINT_RECEIPT = /^PA-[0-9A-HJKMNP-TV-Z]{10}$/;
const CERTIFICATE_CODE = /^[0-9A-Z]{10}$/;

export class SubmitComplaintCommand {
  @ApiProperty({ example: 'K7Q2M9X4TA', description: "The certificate's verification code (on its public page and in its QR)" })
  @IsString()
  @Matches(CERTIFICATE_CODE, { message: 'certificateCode must be a certificate verification code (10 capital letters or digits)' })
  certificateCode: string;
  @ApiProperty({
    example: 'Sản phẩm bày bán tại chợ có nhãn 4 sao nhưng bao bì không có mã QR và hạn sử dụng bị tẩy xóa.',
    description: 'What was seen (20 to 2000 characters)',
  })
  @IsString()
  @Length(20, 2000)
  description: string;
  @ApiPropertyOptional({ example: 'Chợ Vườn Hoa, phường Điện Biên, TP Thanh Hóa', description: 'Where it was seen' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  place?: string;
  @ApiPropertyOptional({ example: '2026-03-14', description: 'The day it was seen (YYYY-MM-DD), not after the day of the report' })
  @IsOptional()
  @IsCalendarDate()
  seenOn?: string;
  @ApiPropertyOptional({
    example: '0912 345 678',
    description: 'How the office may reach the reporter (never shown publicly); anonymous when absent',
  })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  contact?: string;
  @ApiPropertyOptional({ description: 'Leave empty: a form field people do not see, which only automated senders fill in' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;
}

export class ComplaintReceiptView {
  @ApiProperty({ example: 'PA-7K2M9X4TQB', description: 'Keep it: the status of the complaint is followed with it' })
  receiptCode: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: string;
  @ApiProperty() statusVi: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'The same complaint about this certificate had been received already: this is its receipt' })
  alreadyReceived: boolean;
  @ApiProperty({ description: 'Until when a photo may be added to it' }) photoUntil: string;
}

export class ComplaintReceiptQuery {
  @ApiProperty({ example: 'PA-7K2M9X4TQB' })
  @IsString()
  @Matches(COMPLAINT_RECEIPT, { message: 'receiptCode must be a complaint receipt code (PA- and 10 characters)' })
  receiptCode: string;
}

/** A photo stored by the gateway, recorded on the complaint (once, while it is new). */
export class AttachComplaintPhotoCommand extends ComplaintReceiptQuery {
  @ApiProperty() @IsString() @Length(1, 255) fileName: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png'] }) @IsIn(['image/jpeg', 'image/png']) contentType: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100 * 1024 * 1024) size: number;
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{64}$/) sha256: string;
  @ApiProperty() @IsString() @Length(1, 500) storageKey: string;
}

export class ComplaintStepView {
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: string;
  @ApiProperty() statusVi: string;
  @ApiProperty() at: string;
}

/** What anyone holding the receipt code sees: never the description's author, contact or the office's notes to itself. */
export class PublicComplaintView {
  @ApiProperty() receiptCode: string;
  @ApiProperty() certificateCode: string;
  @ApiProperty() productName: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: string;
  @ApiProperty() statusVi: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty() hasPhoto: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'What the office or the inspection concluded, in Vietnamese' })
  outcomeVi: string | null;
  @ApiProperty({ type: [ComplaintStepView] }) history: ComplaintStepView[];
}

export class ComplaintPhotoView {
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

/** The office's view of a complaint. */
export class ComplaintView extends PublicComplaintView {
  @ApiProperty() id: string;
  @ApiProperty() certificateId: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() producerName: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() communeCode: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: String, nullable: true }) place: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) seenOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contact: string | null;
  @ApiPropertyOptional({ type: ComplaintPhotoView, nullable: true }) photo: ComplaintPhotoView | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The receipt of the complaint this one repeats' })
  duplicateOf: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) triagedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The ad-hoc inspection campaign it opened' })
  campaignId: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Findings other than compliant, once inspected' })
  violations: number | null;
}

export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES }) @IsOptional() @IsIn(COMPLAINT_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CERTIFICATE_CODE) certificateCode?: string;
}

export class ComplaintIdQuery {
  @ApiProperty() @IsUUID() complaintId: string;
}

export class TriageComplaintBody {
  @ApiProperty({
    enum: COMPLAINT_DECISIONS,
    description: 'CONFIRMED opens an ad-hoc inspection; DISMISSED needs noteVi; DUPLICATE needs duplicateOf (an earlier receipt)',
  })
  @IsIn(COMPLAINT_DECISIONS)
  decision: (typeof COMPLAINT_DECISIONS)[number];
  @ApiPropertyOptional({
    example: 'Sản phẩm phản ánh không phải sản phẩm OCOP của cơ sở; đã hướng dẫn người phản ánh.',
    description: 'What the reporter reads (required when dismissing)',
  })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  noteVi?: string;
  @ApiPropertyOptional({ example: 'PA-7K2M9X4TQB' })
  @IsOptional()
  @IsString()
  @Matches(COMPLAINT_RECEIPT, { message: 'duplicateOf must be a complaint receipt code' })
  duplicateOf?: string;
}

export class TriageComplaintCommand extends TriageComplaintBody {
  @ApiProperty() @IsUUID() complaintId: string;
}

export class ComplaintPhotoFileView {
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() storageKey: string;
}
