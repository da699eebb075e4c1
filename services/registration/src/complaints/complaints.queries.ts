import { Injectable } from '@nestjs/common';
import {
  AppError,
  DEFAULT_PAGE,
  type Actor,
  type ComplaintPhotoFileView,
  type ComplaintView,
  type ListComplaintsQuery,
  type PublicComplaintView,
} from '@ocop/contracts';
import { ComplaintsRepository } from './complaints.repository';
import { complaintInScope, complaintScopeOf, complaintView, publicComplaintView } from './complaint.view';
import type { Complaint } from './complaint.entity';

const notFound = () => AppError.notFound('COMPLAINT_NOT_FOUND', 'no such complaint');

/** Reads of complaints: the public's by receipt, the officials' in their scope. */
@Injectable()
export class ComplaintQueries {
  constructor(private readonly complaints: ComplaintsRepository) {}

  async byReceipt(receiptCode: string): Promise<PublicComplaintView> {
    const c = await this.complaints.byReceipt(receiptCode);
    if (!c) throw notFound();
    return publicComplaintView(c);
  }

  async list(actor: Actor, q: ListComplaintsQuery): Promise<ComplaintView[]> {
    const rows = await this.complaints.list({
      ...complaintScopeOf(actor),
      status: q.status,
      certificateCode: q.certificateCode,
      limit: q.limit ?? DEFAULT_PAGE.limit,
      offset: q.offset ?? DEFAULT_PAGE.offset,
    });
    return Promise.all(rows.map((c) => this.view(c)));
  }

  async get(actor: Actor, id: string): Promise<ComplaintView> {
    return this.view(await this.inScope(actor, id));
  }

  async photo(actor: Actor, id: string): Promise<ComplaintPhotoFileView> {
    const c = await this.inScope(actor, id);
    if (!c.photo) throw AppError.notFound('COMPLAINT_PHOTO_NOT_FOUND', 'this complaint has no photo');
    return { fileName: c.photo.fileName, contentType: c.photo.contentType, storageKey: c.photo.storageKey };
  }

  private async inScope(actor: Actor, id: string): Promise<Complaint> {
    const c = await this.complaints.byId(id);
    if (!c || !complaintInScope(actor, c)) throw notFound();
    return c;
  }

  private async view(c: Complaint): Promise<ComplaintView> {
    const original = c.duplicateOf ? await this.complaints.byId(c.duplicateOf) : null;
    return complaintView(c, original?.receiptCode ?? null);
  }
}
