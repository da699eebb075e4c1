import type { IndicatorResultDto, SampleEventData, SampleView } from '@ocop/contracts';
import { isOpenStage, type SampleStage } from '@ocop/domain';

/** A sample with the code and turnaround of the lab it was sent to. */
export interface SampleRow {
  id: string;
  code: string;
  stage: SampleStage;
  overdue: boolean;
  stageSince: Date;
  dueAt: Date | null;
  dossierId: string | null;
  evaluationId: string | null;
  inspectionTaskId: string | null;
  productId: string;
  productName: string;
  productSetCode: string;
  producerId: string;
  provinceCode: string;
  labId: string;
  labCode: string;
  labTurnaroundDays: number;
  indicators: string[];
  requestedAt: Date;
  collectedBy: string | null;
  collectedAt: Date | null;
  dispatchedAt: Date | null;
  receivedAt: Date | null;
  overall: 'PASS' | 'FAIL' | null;
  resultReference: string | null;
  indicatorResults: IndicatorResultDto[] | null;
  resultChecksum: string | null;
  resultSheetKey: string | null;
  recordedVia: 'API' | 'NATS' | null;
  resultRecordedAt: Date | null;
  cancelledReason: string | null;
}

/** The follow-up timers of a stage, for the jobs module. */
export interface StageTimers {
  sampleId: string;
  stage: SampleStage;
  reminderAt: Date;
  escalationAt: Date;
}

/** A stage's reminder (`reminderHoursBefore` its due time) and escalation (at its due time). */
export function stageTimersOf(sampleId: string, stage: SampleStage, dueAt: Date, reminderHoursBefore: number): StageTimers {
  return { sampleId, stage, reminderAt: new Date(dueAt.getTime() - reminderHoursBefore * 3600_000), escalationAt: dueAt };
}

export function sampleView(s: SampleRow): SampleView {
  return {
    id: s.id,
    code: s.code,
    status: s.overdue && isOpenStage(s.stage) ? 'OVERDUE' : s.stage,
    stage: s.stage,
    dossierId: s.dossierId,
    evaluationId: s.evaluationId,
    inspectionTaskId: s.inspectionTaskId,
    productId: s.productId,
    productName: s.productName,
    productSetCode: s.productSetCode,
    producerId: s.producerId,
    provinceCode: s.provinceCode,
    labId: s.labId,
    labCode: s.labCode,
    indicators: s.indicators,
    requestedAt: s.requestedAt.toISOString(),
    dueAt: s.dueAt?.toISOString() ?? null,
    collectedBy: s.collectedBy,
    collectedAt: s.collectedAt?.toISOString() ?? null,
    dispatchedAt: s.dispatchedAt?.toISOString() ?? null,
    receivedAt: s.receivedAt?.toISOString() ?? null,
    overall: s.overall,
    resultReference: s.resultReference,
    indicatorResults: s.indicatorResults,
    resultSheetKey: s.resultSheetKey,
    recordedVia: s.recordedVia,
    resultRecordedAt: s.resultRecordedAt?.toISOString() ?? null,
    cancelledReason: s.cancelledReason,
  };
}

/** What every sample event carries. */
export function sampleEventData(s: SampleRow): SampleEventData {
  return {
    sampleId: s.id,
    sampleCode: s.code,
    dossierId: s.dossierId,
    evaluationId: s.evaluationId,
    inspectionTaskId: s.inspectionTaskId,
    productId: s.productId,
    producerId: s.producerId,
    provinceCode: s.provinceCode,
    labId: s.labId,
    labCode: s.labCode,
  };
}
