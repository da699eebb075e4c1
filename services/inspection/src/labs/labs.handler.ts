import { Payload } from '@nestjs/microservices';
import { InspectionSubjects as S, LabCredentialQuery, LabIdQuery, RegisterLabCommand } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { IssueLabCredentialUseCase } from './issue-lab-credential.use-case';
import { ListLabsQuery } from './list-labs.query';
import { RegisterLabUseCase } from './register-lab.use-case';
import { RevokeLabCredentialUseCase } from './revoke-lab-credential.use-case';

/** The NATS edge of the lab register and the labs' credentials. */
@RpcController()
export class LabsHandler {
  constructor(
    private readonly registerLab: RegisterLabUseCase,
    private readonly listLabs: ListLabsQuery,
    private readonly issueLabCredential: IssueLabCredentialUseCase,
    private readonly revokeLabCredential: RevokeLabCredentialUseCase,
  ) {}

  @Handles(S.labRegister)
  register(@Payload() c: RegisterLabCommand, @Caller() call: RpcContext) {
    return this.registerLab.execute(requireActor(call), c);
  }

  @Handles(S.labList)
  list(@Caller() call: RpcContext) {
    return this.listLabs.execute(requireActor(call));
  }

  @Handles(S.labIssueCredential)
  issue(@Payload() c: LabIdQuery, @Caller() call: RpcContext) {
    return this.issueLabCredential.execute(requireActor(call), c.labId, call.asOf);
  }

  @Handles(S.labRevokeCredential)
  revoke(@Payload() c: LabCredentialQuery, @Caller() call: RpcContext) {
    return this.revokeLabCredential.execute(requireActor(call), c.labId, c.credentialId, call.asOf);
  }
}
