import { Payload } from '@nestjs/microservices';
import {
  AttachComplaintPhotoCommand,
  ComplaintIdQuery,
  ComplaintReceiptQuery,
  ListComplaintsQuery,
  RegistrationSubjects as S,
  SubmitComplaintCommand,
  TriageComplaintCommand,
  type ComplaintPhotoFileView,
  type ComplaintReceiptView,
  type ComplaintView,
  type PublicComplaintView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AttachComplaintPhotoUseCase, SubmitComplaintUseCase, TriageComplaintUseCase } from './complaints.use-cases';
import { ComplaintQueries } from './complaints.queries';

/** The bus edge of public complaints: the public's (through the gateway, no login) and the officials'. */
@RpcController()
export class ComplaintsHandler {
  constructor(
    private readonly submit: SubmitComplaintUseCase,
    private readonly attach: AttachComplaintPhotoUseCase,
    private readonly triage: TriageComplaintUseCase,
    private readonly queries: ComplaintQueries,
  ) {}

  @Handles(S.complaintSubmit)
  submitComplaint(@Payload() c: SubmitComplaintCommand, @Caller() call: RpcContext): Promise<ComplaintReceiptView> {
    return this.submit.execute(c, call.asOf);
  }

  @Handles(S.complaintAttachPhoto)
  attachPhoto(@Payload() c: AttachComplaintPhotoCommand, @Caller() call: RpcContext): Promise<PublicComplaintView> {
    return this.attach.execute(c, call.asOf);
  }

  @Handles(S.complaintPublicStatus)
  publicStatus(@Payload() q: ComplaintReceiptQuery): Promise<PublicComplaintView> {
    return this.queries.byReceipt(q.receiptCode);
  }

  @Handles(S.complaintList)
  list(@Payload() q: ListComplaintsQuery, @Caller() call: RpcContext): Promise<ComplaintView[]> {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.complaintGet)
  get(@Payload() q: ComplaintIdQuery, @Caller() call: RpcContext): Promise<ComplaintView> {
    return this.queries.get(requireActor(call), q.complaintId);
  }

  @Handles(S.complaintPhoto)
  photo(@Payload() q: ComplaintIdQuery, @Caller() call: RpcContext): Promise<ComplaintPhotoFileView> {
    return this.queries.photo(requireActor(call), q.complaintId);
  }

  @Handles(S.complaintTriage)
  triageComplaint(@Payload() c: TriageComplaintCommand, @Caller() call: RpcContext): Promise<ComplaintView> {
    return this.triage.execute(requireActor(call), c, call.asOf);
  }
}
