import { Payload } from '@nestjs/microservices';
import {
  CheckCommuneAssessmentQuery as CheckCommuneAssessmentRequest,
  GetCatalogueQuery as GetCatalogueRequest,
  PutCatalogueCommand,
  ScoringSubjects as S,
  type CatalogueSummaryView,
  type CatalogueView,
  type TierModelView,
} from '@ocop/contracts';
import { TIER_MODELS } from '@ocop/domain';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CheckCommuneAssessmentQuery } from './check-commune-assessment.query';
import { GetCatalogueQuery } from './get-catalogue.query';
import { ListCataloguesQuery } from './list-catalogues.query';
import { PutCatalogueUseCase } from './put-catalogue.use-case';

const tierModelViews = (): TierModelView[] =>
  TIER_MODELS.map((m) => ({
    legalVersion: m.legalVersion,
    effectiveFrom: m.effectiveFrom,
    communeAssessment: m.communeAssessment,
    entryTier: m.entryTier,
    steps: m.steps.map((s) => ({
      tier: s.tier,
      certifiesStars: [...s.certifiesStars],
      next: s.next,
      requiresLabResults: s.requiresLabResults,
    })),
  }));

/** The NATS edge of the criteria catalogues and the tier models (reference data; only an admin publishes). */
@RpcController()
export class CatalogueHandler {
  constructor(
    private readonly listCatalogues: ListCataloguesQuery,
    private readonly getCatalogue: GetCatalogueQuery,
    private readonly putCatalogue: PutCatalogueUseCase,
    private readonly checkCommuneAssessment: CheckCommuneAssessmentQuery,
  ) {}

  @Handles(S.catalogueList)
  list(): Promise<CatalogueSummaryView[]> {
    return this.listCatalogues.execute();
  }

  @Handles(S.catalogueGet)
  get(@Payload() q: GetCatalogueRequest): Promise<CatalogueView> {
    return this.getCatalogue.execute(q.code, q.revision);
  }

  @Handles(S.cataloguePut)
  put(@Payload() c: PutCatalogueCommand, @Caller() call: RpcContext): Promise<CatalogueView> {
    return this.putCatalogue.execute(requireActor(call), c.code, c.document);
  }

  @Handles(S.catalogueCheckCommuneAssessment)
  check(@Payload() q: CheckCommuneAssessmentRequest): Promise<{ catalogueCode: string; catalogueRevision: number }> {
    return this.checkCommuneAssessment.execute(q);
  }

  @Handles(S.tierModels)
  tierModels(): TierModelView[] {
    return tierModelViews();
  }
}
