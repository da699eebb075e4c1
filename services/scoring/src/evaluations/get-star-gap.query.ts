import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type StarGapView } from '@ocop/contracts';
import { formatPoints, gapToNextStar, treeForProductSet, type StarRating } from '@ocop/domain';
import { readerScope } from '../access/scoring-scope.policy';
import { CatalogueLoader } from '../catalogue/catalogue.loader';
import { CatalogueRevisionsRepository } from '../catalogue/catalogue-revisions.repository';
import { ScoreSheetsRepository } from '../sessions/score-sheets.repository';
import { EvaluationsRepository } from './evaluations.repository';

/**
 * The gap to the next star of a scored dossier (issue 18): from the sheets its session counted and the catalogue
 * revision it was scored against, what the members' mean lacks for the next band, the mandatory criteria that would
 * still cap it, and each criterion's room to grow. Read by whoever reads the evaluation: its producer, its commune and
 * district, the offices, the council.
 */
@Injectable()
export class GetStarGapQuery {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly revisions: CatalogueRevisionsRepository,
    private readonly catalogues: CatalogueLoader,
  ) {}

  async execute(actor: Actor, evaluationId: string): Promise<StarGapView> {
    const e = await this.evaluations.get(readerScope(actor), evaluationId);
    if (!e) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
    const result = e.result;
    if (e.status !== 'COMPLETED' || !result) throw AppError.rule('EVALUATION_NOT_SCORED', 'the dossier has no council result yet');
    const revision = await this.revisions.byRevision(result.catalogueCode, result.catalogueRevision);
    if (!revision) throw new Error(`catalogue ${result.catalogueCode} revision ${result.catalogueRevision} of a result is missing`);
    const { catalogue } = await this.catalogues.byRevisionId(revision.id);
    const counted = await this.sheets.ofEvaluation(result.sessionId, e.id);
    const gap = gapToNextStar(
      treeForProductSet(catalogue, e.productSetCode),
      counted.map((s) => ({ totalHundredths: s.total, partTotals: s.partTotals, criterionPoints: s.criterionPoints })),
      result.rank as StarRating,
    );
    return {
      evaluationId: e.id,
      stars: gap.stars,
      nextStars: gap.nextStars,
      pointsMissing: formatPoints(gap.pointsMissingHundredths),
      mandatoryFailing: gap.mandatoryFailing.map((c) => ({
        stars: c.stars,
        criterionCode: c.criterionCode,
        labelVi: c.labelVi,
        required: formatPoints(c.requiredHundredths),
        mean: formatPoints(c.meanFloorHundredths),
      })),
      criteria: gap.criteria.map((c) => ({
        code: c.code,
        labelVi: c.labelVi,
        mean: formatPoints(c.meanFloorHundredths),
        max: formatPoints(c.maxHundredths),
        headroom: formatPoints(c.headroomHundredths),
      })),
    };
  }
}
