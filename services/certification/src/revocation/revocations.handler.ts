import { Ctx, Payload } from '@nestjs/microservices';
import {
  CertificationSubjects as S,
  InspectionEvents,
  ListRevocationsQuery as ListRevocationsRequest,
  RejectRevocationCommand,
  RequestRevocationCommand,
  RevocationIdQuery,
  Role,
} from '@ocop/contracts';
import type { RevocationReasonCode } from '@ocop/domain';
import {
  Caller,
  EventContext,
  Handles,
  OnEvent,
  RpcController,
  requireActor,
  type EventConsumerSpec,
  type RpcContext,
} from '@ocop/messaging';
import { ConfirmCertificateReturnUseCase } from './confirm-certificate-return.use-case';
import { DecideRevocationUseCase } from './decide-revocation.use-case';
import { GetRevocationQuery } from './get-revocation.query';
import { ListRevocationsQuery } from './list-revocations.query';
import { RejectRevocationUseCase } from './reject-revocation.use-case';
import { RequestRevocationUseCase } from './request-revocation.use-case';
import { RequestRevocationForViolationUseCase } from './request-revocation-for-violation.use-case';

/** Inspection's requests to revoke, one at a time. */
const INSPECTION_REQUESTS: EventConsumerSpec = { name: 'inspection-requests', concurrency: 1 };

/** The bus edge of revocations: the request (an inspector's is the inspection's, and inspection's own events), the decision, and the follow-up. */
@RpcController()
export class RevocationsHandler {
  constructor(
    private readonly requestRevocation: RequestRevocationUseCase,
    private readonly listRevocations: ListRevocationsQuery,
    private readonly getRevocation: GetRevocationQuery,
    private readonly decideRevocation: DecideRevocationUseCase,
    private readonly rejectRevocation: RejectRevocationUseCase,
    private readonly confirmCertificateReturn: ConfirmCertificateReturnUseCase,
    private readonly requestForViolation: RequestRevocationForViolationUseCase,
  ) {}

  @Handles(S.revocationRequest)
  request(@Payload() c: RequestRevocationCommand, @Caller() call: RpcContext) {
    const actor = requireActor(call);
    const source = actor.role === Role.INSPECTOR ? 'INSPECTION' : 'OFFICE';
    return this.requestRevocation.execute(actor, source, { ...c, reasonCode: c.reasonCode as RevocationReasonCode }, call.asOf);
  }

  @Handles(S.revocationList)
  list(@Payload() q: ListRevocationsRequest, @Caller() call: RpcContext) {
    return this.listRevocations.execute(requireActor(call), q);
  }

  @Handles(S.revocationGet)
  get(@Payload() q: RevocationIdQuery, @Caller() call: RpcContext) {
    return this.getRevocation.execute(requireActor(call), q.revocationId);
  }

  @Handles(S.revocationDecide)
  decide(@Payload() c: RevocationIdQuery, @Caller() call: RpcContext) {
    return this.decideRevocation.execute(requireActor(call), c.revocationId, call.asOf);
  }

  @Handles(S.revocationReject)
  reject(@Payload() c: RejectRevocationCommand, @Caller() call: RpcContext) {
    return this.rejectRevocation.execute(requireActor(call), c.revocationId, c.note, call.asOf);
  }

  @Handles(S.revocationConfirmReturn)
  confirmReturn(@Payload() c: RevocationIdQuery, @Caller() call: RpcContext) {
    return this.confirmCertificateReturn.execute(requireActor(call), c.revocationId, call.asOf);
  }

  @OnEvent(INSPECTION_REQUESTS, InspectionEvents.revocationRequested)
  inspectionRequested(@Ctx() ctx: EventContext): Promise<void> {
    return this.requestForViolation.execute(ctx.event, ctx.tx);
  }
}
