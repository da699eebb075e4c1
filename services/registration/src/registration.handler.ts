import { Injectable } from '@nestjs/common';
import {
  AppError,
  AttachDocumentCommand,
  CreateDossierCommand,
  CreateProducerCommand,
  CreateProductCommand,
  CreateRoundCommand,
  DossierIdCommand,
  GetProducerQuery,
  ListDossiersQuery,
  ListProducersQuery,
  ListProductsQuery,
  ListReevaluationInvitationsQuery,
  ListRoundsQuery,
  ListUnitsQuery,
  ProposeDossierCommand,
  RegistrationSubjects as S,
  ReturnDossierCommand,
  WithdrawDossierCommand,
  type ProducerView,
  type ProductView,
  type RoundView,
} from '@ocop/contracts';
import { findProductSet, vietnamDay } from '@ocop/domain';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { UnitsRepository } from './units/units.repository';
import { ProducersRepository } from './producers/producers.repository';
import { ProductsRepository } from './products/products.repository';
import { RoundsRepository } from './rounds/rounds.repository';
import { CreateProducerUseCase } from './producers/create-producer.use-case';
import { CreateProductUseCase } from './products/create-product.use-case';
import { CreateRoundUseCase } from './rounds/create-round.use-case';
import { roundListScope } from './rounds/round-province.policy';
import { CreateDossierUseCase } from './dossiers/create-dossier.use-case';
import { AttachDocumentUseCase } from './dossiers/attach-document.use-case';
import { SubmitDossierUseCase } from './dossiers/submit-dossier.use-case';
import { ReturnDossierUseCase } from './dossiers/return-dossier.use-case';
import { AcceptDossierUseCase } from './dossiers/accept-dossier.use-case';
import { WithdrawDossierUseCase } from './dossiers/withdraw-dossier.use-case';
import { ProposeDossierUseCase } from './dossiers/propose-dossier.use-case';
import { DossierQueries } from './dossiers/dossiers.queries';
import { ReevaluationInvitationQueries } from './reevaluation/reevaluation-invitations.queries';
import { INVITATION_READERS } from './reevaluation/reevaluation-invitation.policy';
import { readScopeOf } from '@ocop/auth';
import type { Producer } from './producers/producer.entity';
import type { Product } from './products/product.entity';
import type { EvaluationRound } from './rounds/round.entity';

const producerView = (p: Producer): ProducerView => ({ ...p, createdAt: p.createdAt.toISOString() });
const productView = (p: Product): ProductView => ({
  ...p,
  productGroup: findProductSet(p.productSetCode)?.group ?? '',
  createdAt: p.createdAt.toISOString(),
});
const roundView = (r: EvaluationRound, asOf: Date): RoundView => {
  const day = vietnamDay(asOf);
  return { ...r, open: r.opensOn <= day && day <= r.closesOn };
};

/** The NATS edge of registration: turns each request into one use case or query call. */
@Injectable()
export class RegistrationHandler {
  constructor(
    private readonly units: UnitsRepository,
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly rounds: RoundsRepository,
    private readonly createProducer: CreateProducerUseCase,
    private readonly createProduct: CreateProductUseCase,
    private readonly createRound: CreateRoundUseCase,
    private readonly createDossier: CreateDossierUseCase,
    private readonly attachDocument: AttachDocumentUseCase,
    private readonly submitDossier: SubmitDossierUseCase,
    private readonly returnDossier: ReturnDossierUseCase,
    private readonly acceptDossier: AcceptDossierUseCase,
    private readonly withdrawDossier: WithdrawDossierUseCase,
    private readonly proposeDossier: ProposeDossierUseCase,
    private readonly views: DossierQueries,
    private readonly invitations: ReevaluationInvitationQueries,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.unitsList, ListUnitsQuery, async (q) => (await this.units.list(q)).map((u) => ({ ...u, name: u.name }))),
      this.route(S.producerCreate, CreateProducerCommand, async (c, ctx) =>
        producerView(await this.createProducer.execute(requireActor(ctx), c)),
      ),
      this.route(S.producerGet, GetProducerQuery, async (q, ctx) => {
        const p = await this.producers.get(readScopeOf(requireActor(ctx)), q.id);
        if (!p) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
        return producerView(p);
      }),
      this.route(S.producerList, ListProducersQuery, async (q, ctx) =>
        (await this.producers.list(readScopeOf(requireActor(ctx)), q)).map(producerView),
      ),
      this.route(S.productCreate, CreateProductCommand, async (c, ctx) =>
        productView(await this.createProduct.execute(requireActor(ctx), c)),
      ),
      this.route(S.productList, ListProductsQuery, async (q, ctx) => {
        const p = await this.producers.get(readScopeOf(requireActor(ctx)), q.producerId);
        if (!p) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
        return (await this.products.listOfProducer(p.id)).map(productView);
      }),
      this.route(S.roundCreate, CreateRoundCommand, async (c, ctx) =>
        roundView(await this.createRound.execute(requireActor(ctx), c), ctx.asOf),
      ),
      this.route(S.roundList, ListRoundsQuery, async (q, ctx) => {
        const actor = requireActor(ctx);
        const scope = await roundListScope(actor, q.provinceCode, this.units);
        return (await this.rounds.list(scope)).map((r) => roundView(r, ctx.asOf));
      }),
      this.route(S.dossierCreate, CreateDossierCommand, async (c, ctx) =>
        this.views.view(await this.createDossier.execute(requireActor(ctx), c, ctx.asOf)),
      ),
      this.route(S.dossierGet, DossierIdCommand, async (q, ctx) => this.views.get(requireActor(ctx), q.dossierId)),
      this.route(S.dossierList, ListDossiersQuery, async (q, ctx) => this.views.list(requireActor(ctx), q)),
      this.route(S.dossierTimeline, DossierIdCommand, async (q, ctx) => this.views.timeline(requireActor(ctx), q.dossierId)),
      this.route(S.dossierAttachDocument, AttachDocumentCommand, async (c, ctx) => {
        const doc = await this.attachDocument.execute(requireActor(ctx), c);
        return {
          id: doc.id,
          type: doc.type,
          fileName: doc.fileName,
          contentType: doc.contentType,
          size: doc.size,
          sha256: doc.sha256,
          uploadedAt: doc.uploadedAt.toISOString(),
        };
      }),
      this.route(S.dossierSubmit, DossierIdCommand, async (c, ctx) =>
        this.views.view(await this.submitDossier.execute(requireActor(ctx), c.dossierId, ctx.asOf)),
      ),
      this.route(S.dossierReturn, ReturnDossierCommand, async (c, ctx) =>
        this.views.view(await this.returnDossier.execute(requireActor(ctx), c)),
      ),
      this.route(S.dossierAccept, DossierIdCommand, async (c, ctx) =>
        this.views.view(await this.acceptDossier.execute(requireActor(ctx), c.dossierId)),
      ),
      this.route(S.dossierWithdraw, WithdrawDossierCommand, async (c, ctx) =>
        this.views.view(await this.withdrawDossier.execute(requireActor(ctx), c)),
      ),
      this.route(S.dossierPropose, ProposeDossierCommand, async (c, ctx) =>
        this.views.view(await this.proposeDossier.execute(requireActor(ctx), c, ctx.asOf)),
      ),
      this.route(S.reevaluationInvitationList, ListReevaluationInvitationsQuery, async (q, ctx) =>
        this.invitations.list(requireRole(ctx, [...INVITATION_READERS]), q),
      ),
    ];
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
