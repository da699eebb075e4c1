import { randomUUID } from 'node:crypto';
import type { SheetEntryDto } from '@ocop/contracts';
import { scoreSheet, tierModelFor, treeForProductSet, type LegalVersionCode, type ScoredSheet, type SheetEntry } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import type { CatalogueLoader } from '../catalogue/catalogue.loader';
import type { Evaluation } from '../evaluations/evaluation.entity';

/**
 * A sheet's entries scored against the catalogue revision the dossier is on the agenda with (and, under 148+1489, the
 * commune's assessment): what a member's score sheet and an advisor's pre-score both are.
 */
export async function scoreOnAgenda(
  catalogues: CatalogueLoader,
  tx: Tx,
  catalogueRevisionId: string,
  e: Evaluation,
  entries: SheetEntryDto[],
): Promise<{ scored: ScoredSheet; entries: SheetEntry[] }> {
  const { catalogue } = await catalogues.byRevisionId(catalogueRevisionId, tx);
  const model = tierModelFor(e.legalVersion as LegalVersionCode);
  const scored = scoreSheet(
    treeForProductSet(catalogue, e.productSetCode),
    entries,
    model.communeAssessment && e.communeAssessment ? e.communeAssessment : undefined,
  );
  return {
    scored,
    entries: entries.map((x) => ({
      criterionCode: x.criterionCode,
      optionCode: x.optionCode,
      ...(x.points !== undefined ? { points: x.points } : {}),
    })),
  };
}

/** The columns a sheet (a member's or an advisor's) takes from its scoring: new, or the next revision of `existing`. */
export function sheetColumns(
  existing: { id: string; revision: number; submittedAt: Date } | null,
  where: { sessionId: string; evaluationId: string; memberId: string },
  scoredEntries: { scored: ScoredSheet; entries: SheetEntry[] },
  at: Date,
) {
  return {
    id: existing?.id ?? randomUUID(),
    ...where,
    entries: scoredEntries.entries,
    total: scoredEntries.scored.totalHundredths,
    partTotals: scoredEntries.scored.partTotals,
    criterionPoints: scoredEntries.scored.criterionPoints,
    revision: (existing?.revision ?? 0) + 1,
    submittedAt: existing?.submittedAt ?? at,
    updatedAt: at,
  };
}
