import { Injectable } from '@nestjs/common';
import { AppError, type CheckCommuneAssessmentQuery as CheckCommuneAssessmentRequest } from '@ocop/contracts';
import { tierModelFor, treeForProductSet, validateCommuneAssessment, type LegalVersionCode } from '@ocop/domain';
import { CatalogueLoader } from './catalogue.loader';

/** Whether a commune's four-criteria assessment fits the catalogue in force under its legal version (registration asks). */
@Injectable()
export class CheckCommuneAssessmentQuery {
  constructor(private readonly catalogues: CatalogueLoader) {}

  async execute(q: CheckCommuneAssessmentRequest): Promise<{ catalogueCode: string; catalogueRevision: number }> {
    const version = q.legalVersion as LegalVersionCode;
    if (!tierModelFor(version).communeAssessment) {
      throw AppError.validation(
        'COMMUNE_ASSESSMENT_NOT_APPLICABLE',
        `communes do not assess criteria under legal version ${version}`,
        'communeAssessment',
      );
    }
    const { revision, catalogue } = await this.catalogues.forLegalVersion(version);
    validateCommuneAssessment(treeForProductSet(catalogue, q.productSetCode), q.entries);
    return { catalogueCode: revision.code, catalogueRevision: revision.revision };
  }
}
