import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  RegistrationEvents,
  type Actor,
  type AttachComplaintPhotoCommand,
  type ComplaintConfirmedData,
  type ComplaintReceiptView,
  type ComplaintView,
  type PublicComplaintView,
  type SubmitComplaintCommand,
  type TriageComplaintCommand,
} from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeActorAudit, writeAudit, type Tx } from '@ocop/persistence';
import { Complaint, type ComplaintStatus } from './complaint.entity';
import { ComplaintsRepository } from './complaints.repository';
import { COMPLAINT_STATUS_VI, complaintInScope, complaintView, publicComplaintView } from './complaint.view';

const DAY_MS = 86_400_000;
/** The same complaint (certificate and words) sent again within this many days finds its first receipt. */
export const SAME_COMPLAINT_DAYS = 30;
/** A photo may be added to a new complaint for this long after it was sent. */
export const PHOTO_WINDOW_MS = DAY_MS;
/** Crockford's base32: no I, L, O or U, so a receipt read out over the phone is not misheard. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A change the public made (no account): the audit names the public channel. */
function auditPublic(tx: Tx, action: string, complaintId: string, details: Record<string, unknown>): Promise<void> {
  return writeAudit(tx, { actorId: 'public', actorRole: 'PUBLIC', action, entityType: 'complaint', entityId: complaintId, details });
}

export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  return `PA-${[...bytes].map((b) => RECEIPT_ALPHABET[b & 31]).join('')}`;
}

/** The certificate and the description with case, accents' composition, spacing and punctuation evened out, hashed. */
export function complaintFingerprint(certificateCode: string, description: string): string {
  const words = description
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(`${certificateCode}\n${words}`).digest('hex');
}

export function appendStep(c: Complaint, status: ComplaintStatus, at: Date): void {
  c.status = status;
  c.history = [...c.history, { status, at: at.toISOString() }];
}

const notFound = () => AppError.notFound('COMPLAINT_NOT_FOUND', 'no such complaint');

/**
 * Anyone, without a login, reports a problem with a certified product by its certificate's verification code. The
 * same complaint sent again (same certificate, same words, within 30 days) returns the first one's receipt and writes
 * nothing; a form whose hidden field is filled in (an automated sender) is refused. Audited as the public's.
 */
@Injectable()
export class SubmitComplaintUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly complaints: ComplaintsRepository,
  ) {}

  async execute(c: SubmitComplaintCommand, asOf: Date): Promise<ComplaintReceiptView> {
    if (c.website) throw AppError.validation('COMPLAINT_REFUSED', 'the complaint cannot be accepted', 'website');
    if (c.seenOn && c.seenOn > vietnamDay(asOf))
      throw AppError.validation('COMPLAINT_SEEN_IN_FUTURE', 'seenOn cannot be after the day of the report', 'seenOn');
    return this.ds.transaction(async (tx) => {
      const cert = await this.complaints.certificateByCode(tx, c.certificateCode);
      if (!cert) throw AppError.validation('CERTIFICATE_NOT_VALID', 'no OCOP certificate has this verification code', 'certificateCode');
      const fingerprint = complaintFingerprint(c.certificateCode, c.description);
      const same = await this.complaints.sameComplaintSince(tx, fingerprint, new Date(asOf.getTime() - SAME_COMPLAINT_DAYS * DAY_MS));
      if (same) return receipt(same, true);
      const complaint = Object.assign(new Complaint(), {
        id: randomUUID(),
        receiptCode: newReceiptCode(),
        certificateCode: cert.code,
        certificateId: cert.certificateId,
        certificateNumber: cert.number,
        dossierId: cert.dossierId,
        productName: cert.productName,
        producerName: cert.producerName,
        provinceCode: cert.provinceCode,
        districtCode: cert.districtCode,
        communeCode: cert.communeCode,
        description: c.description,
        place: c.place ?? null,
        seenOn: c.seenOn ?? null,
        contact: c.contact ?? null,
        fingerprint,
        photo: null,
        status: 'RECEIVED' as const,
        submittedAt: asOf,
        triagedAt: null,
        triagedBy: null,
        noteVi: null,
        duplicateOf: null,
        campaignId: null,
        violations: null,
        outcomeVi: null,
        history: [{ status: 'RECEIVED' as const, at: asOf.toISOString() }],
      });
      await this.complaints.insert(tx, complaint);
      await auditPublic(tx, 'complaint.submit', complaint.id, {
        receiptCode: complaint.receiptCode,
        certificateCode: cert.code,
      });
      return receipt(complaint, false);
    });
  }
}

function receipt(c: Complaint, alreadyReceived: boolean): ComplaintReceiptView {
  return {
    receiptCode: c.receiptCode,
    status: c.status,
    statusVi: COMPLAINT_STATUS_VI[c.status],
    submittedAt: c.submittedAt.toISOString(),
    alreadyReceived,
    photoUntil: new Date(c.submittedAt.getTime() + PHOTO_WINDOW_MS).toISOString(),
  };
}

/** One photo (JPEG or PNG, stored by the gateway) added by the holder of the receipt, within a day, while the complaint is new. */
@Injectable()
export class AttachComplaintPhotoUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly complaints: ComplaintsRepository,
  ) {}

  async execute(c: AttachComplaintPhotoCommand, asOf: Date): Promise<PublicComplaintView> {
    return this.ds.transaction(async (tx) => {
      const complaint = await this.complaints.receiptForUpdate(tx, c.receiptCode);
      if (!complaint) throw notFound();
      if (complaint.photo) throw AppError.conflict('COMPLAINT_PHOTO_EXISTS', 'this complaint has its photo already');
      if (complaint.status !== 'RECEIVED' || asOf.getTime() > complaint.submittedAt.getTime() + PHOTO_WINDOW_MS)
        throw AppError.conflict('COMPLAINT_PHOTO_CLOSED', 'a photo is added within a day of the complaint, before it is triaged');
      complaint.photo = { fileName: c.fileName, contentType: c.contentType, size: c.size, sha256: c.sha256, storageKey: c.storageKey };
      await this.complaints.save(tx, complaint);
      await auditPublic(tx, 'complaint.photo', complaint.id, { sha256: c.sha256, size: c.size });
      return publicComplaintView(complaint);
    });
  }
}

/**
 * The standing office of the complaint's province decides, once: CONFIRMED announces it to inspection, which opens
 * one ad-hoc campaign for the certificate; DISMISSED says why to the reporter; DUPLICATE points to an earlier
 * complaint about the same certificate, whose outcome answers both. The same decision sent again changes nothing.
 */
@Injectable()
export class TriageComplaintUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, c: TriageComplaintCommand, asOf: Date): Promise<ComplaintView> {
    if (c.decision === 'DISMISSED' && !c.noteVi)
      throw AppError.validation('COMPLAINT_NOTE_REQUIRED', 'say why the complaint is dismissed: the reporter reads it', 'noteVi');
    if (c.decision === 'DUPLICATE' && !c.duplicateOf)
      throw AppError.validation('COMPLAINT_DUPLICATE_OF_REQUIRED', 'name the earlier complaint this one repeats', 'duplicateOf');
    if (c.decision !== 'DUPLICATE' && c.duplicateOf)
      throw AppError.validation('COMPLAINT_DUPLICATE_OF_UNEXPECTED', 'duplicateOf is only for a DUPLICATE decision', 'duplicateOf');
    return this.ds.transaction(async (tx) => {
      const complaint = await this.complaints.forUpdate(tx, c.complaintId);
      if (!complaint || !complaintInScope(actor, complaint)) throw notFound();
      let original: Complaint | null = null;
      if (c.duplicateOf) {
        original = await this.complaints.byReceipt(c.duplicateOf, tx);
        if (!original || original.id === complaint.id || original.certificateId !== complaint.certificateId)
          throw AppError.validation(
            'COMPLAINT_DUPLICATE_OF_INVALID',
            'duplicateOf must be another complaint about the same certificate',
            'duplicateOf',
          );
        if (original.status === 'DUPLICATE' || original.submittedAt > complaint.submittedAt)
          throw AppError.validation('COMPLAINT_DUPLICATE_OF_INVALID', 'duplicateOf must be the earlier, original complaint', 'duplicateOf');
      }
      if (complaint.status !== 'RECEIVED') {
        const same = complaint.history.some((h) => h.status === c.decision) && (complaint.duplicateOf ?? null) === (original?.id ?? null);
        if (same) return complaintView(complaint, c.duplicateOf ?? null);
        throw AppError.conflict('COMPLAINT_ALREADY_TRIAGED', `the complaint is ${complaint.status} already`);
      }
      complaint.triagedAt = asOf;
      complaint.triagedBy = actor.id;
      complaint.noteVi = c.noteVi ?? null;
      complaint.duplicateOf = original?.id ?? null;
      if (c.decision === 'DISMISSED') complaint.outcomeVi = c.noteVi!;
      if (c.decision === 'DUPLICATE')
        complaint.outcomeVi = `Nội dung trùng với phản ánh ${original!.receiptCode} đã tiếp nhận; kết quả xử lý được thông báo theo mã đó.`;
      appendStep(complaint, c.decision, asOf);
      await this.complaints.save(tx, complaint);
      await writeActorAudit(tx, actor, 'complaint.triage', 'complaint', complaint.id, {
        decision: c.decision,
        duplicateOf: original?.receiptCode ?? null,
      });
      if (c.decision === 'CONFIRMED') {
        const data: ComplaintConfirmedData = {
          complaintId: complaint.id,
          receiptCode: complaint.receiptCode,
          certificateId: complaint.certificateId,
          certificateCode: complaint.certificateCode,
          provinceCode: complaint.provinceCode,
          description: complaint.description,
          place: complaint.place,
          seenOn: complaint.seenOn,
          confirmedAt: asOf.toISOString(),
        };
        await this.outbox.enqueueEvent(tx, RegistrationEvents.complaintConfirmed, complaint.id, data);
      }
      return complaintView(complaint, original?.receiptCode ?? null);
    });
  }
}
