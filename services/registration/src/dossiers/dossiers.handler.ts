import { Payload } from '@nestjs/microservices';
import {
  AttachDocumentCommand,
  CreateDossierCommand,
  DossierIdCommand,
  ListDossiersQuery,
  ProposeDossierCommand,
  RegistrationSubjects as S,
  ReturnDossierCommand,
  WithdrawDossierCommand,
  type DocumentView,
  type DossierView,
  type TimelineEntryView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AcceptDossierUseCase } from './accept-dossier.use-case';
import { AttachDocumentUseCase } from './attach-document.use-case';
import { CreateDossierUseCase } from './create-dossier.use-case';
import { DossierQueries, documentView } from './dossiers.queries';
import { ProposeDossierUseCase } from './propose-dossier.use-case';
import { ReturnDossierUseCase } from './return-dossier.use-case';
import { SubmitDossierUseCase } from './submit-dossier.use-case';
import { WithdrawDossierUseCase } from './withdraw-dossier.use-case';

/** The NATS edge of dossiers: filing, documents, the commune's intake, and the reads. */
@RpcController()
export class DossiersHandler {
  constructor(
    private readonly views: DossierQueries,
    private readonly createDossier: CreateDossierUseCase,
    private readonly attachDocument: AttachDocumentUseCase,
    private readonly submitDossier: SubmitDossierUseCase,
    private readonly returnDossier: ReturnDossierUseCase,
    private readonly acceptDossier: AcceptDossierUseCase,
    private readonly withdrawDossier: WithdrawDossierUseCase,
    private readonly proposeDossier: ProposeDossierUseCase,
  ) {}

  @Handles(S.dossierCreate)
  async create(@Payload() c: CreateDossierCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.createDossier.execute(requireActor(call), c, call.asOf));
  }

  @Handles(S.dossierGet)
  get(@Payload() q: DossierIdCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.get(requireActor(call), q.dossierId);
  }

  @Handles(S.dossierList)
  list(@Payload() q: ListDossiersQuery, @Caller() call: RpcContext): Promise<DossierView[]> {
    return this.views.list(requireActor(call), q);
  }

  @Handles(S.dossierTimeline)
  timeline(@Payload() q: DossierIdCommand, @Caller() call: RpcContext): Promise<TimelineEntryView[]> {
    return this.views.timeline(requireActor(call), q.dossierId);
  }

  @Handles(S.dossierAttachDocument)
  async attach(@Payload() c: AttachDocumentCommand, @Caller() call: RpcContext): Promise<DocumentView> {
    return documentView(await this.attachDocument.execute(requireActor(call), c));
  }

  @Handles(S.dossierSubmit)
  async submit(@Payload() c: DossierIdCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.submitDossier.execute(requireActor(call), c.dossierId, call.asOf));
  }

  @Handles(S.dossierReturn)
  async return(@Payload() c: ReturnDossierCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.returnDossier.execute(requireActor(call), c));
  }

  @Handles(S.dossierAccept)
  async accept(@Payload() c: DossierIdCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.acceptDossier.execute(requireActor(call), c.dossierId));
  }

  @Handles(S.dossierWithdraw)
  async withdraw(@Payload() c: WithdrawDossierCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.withdrawDossier.execute(requireActor(call), c));
  }

  @Handles(S.dossierPropose)
  async propose(@Payload() c: ProposeDossierCommand, @Caller() call: RpcContext): Promise<DossierView> {
    return this.views.view(await this.proposeDossier.execute(requireActor(call), c, call.asOf));
  }
}
