import type { SheetView } from '@ocop/contracts';
import { formatPoints } from '@ocop/domain';
import type { ScoreSheet } from './score-sheet.entity';
import type { AdvisorySheet } from './advisory-sheet.entity';

export function sheetView(s: ScoreSheet | AdvisorySheet, memberName: string, spread: SheetView['spread']): SheetView {
  return {
    id: s.id,
    sessionId: s.sessionId,
    evaluationId: s.evaluationId,
    memberId: s.memberId,
    memberName,
    total: formatPoints(s.total),
    partTotals: Object.fromEntries(Object.entries(s.partTotals).map(([k, v]) => [k, formatPoints(v)])),
    entries: s.entries,
    revision: s.revision,
    submittedAt: s.submittedAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    spread,
  };
}
