import { findProductSet, type ProductGroupCode } from './product-catalogue';

/** A product sample's way to the lab and back (issue 5). OVERDUE remembers the stage that stalled. */
export enum SampleStage {
  REQUESTED = 'REQUESTED',
  COLLECTED = 'COLLECTED',
  DISPATCHED = 'DISPATCHED',
  RECEIVED_BY_LAB = 'RECEIVED_BY_LAB',
  RESULT_RECORDED = 'RESULT_RECORDED',
  CANCELLED = 'CANCELLED',
}

export const SAMPLE_STATUSES = [...Object.values(SampleStage), 'OVERDUE'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** The step that ends each waiting stage, and who takes it. */
export const SAMPLE_STEPS: Record<'COLLECT' | 'DISPATCH' | 'RECEIVE' | 'RESULT', { from: SampleStage[]; to: SampleStage }> = {
  COLLECT: { from: [SampleStage.REQUESTED], to: SampleStage.COLLECTED },
  DISPATCH: { from: [SampleStage.COLLECTED], to: SampleStage.DISPATCHED },
  RECEIVE: { from: [SampleStage.DISPATCHED], to: SampleStage.RECEIVED_BY_LAB },
  // A lab may record the result without having confirmed receipt first.
  RESULT: { from: [SampleStage.DISPATCHED, SampleStage.RECEIVED_BY_LAB], to: SampleStage.RESULT_RECORDED },
};
export type SampleStep = keyof typeof SAMPLE_STEPS;

/** Whether a step may be taken from a stage (an OVERDUE sample is judged by the stage it stalled at). */
export function canTakeStep(stage: SampleStage, step: SampleStep): boolean {
  return SAMPLE_STEPS[step].from.includes(stage);
}

export const isOpenStage = (stage: SampleStage): boolean => stage !== SampleStage.RESULT_RECORDED && stage !== SampleStage.CANCELLED;

const HOUR_MS = 3600_000;

/** Hours each waiting stage may last: collection and dispatch are the office's, the result is the lab's turnaround. */
export interface StageDeadlines { collectHours: number; dispatchHours: number; receiveHours: number }

/** When the stage entered at `since` must be over. */
export function stageDueAt(stage: SampleStage, since: Date, d: StageDeadlines, labTurnaroundDays: number): Date | null {
  const hours = {
    [SampleStage.REQUESTED]: d.collectHours,
    [SampleStage.COLLECTED]: d.dispatchHours,
    [SampleStage.DISPATCHED]: d.receiveHours + labTurnaroundDays * 24,
    [SampleStage.RECEIVED_BY_LAB]: labTurnaroundDays * 24,
  }[stage as string];
  return hours === undefined ? null : new Date(since.getTime() + hours * HOUR_MS);
}

export type Verdict = 'PASS' | 'FAIL';

export interface IndicatorResult {
  code: string;
  value: string;
  unit: string;
  limit: string;
  verdict: Verdict;
}

/** The overall verdict: FAIL as soon as one indicator fails. */
export function overallVerdict(indicators: IndicatorResult[]): Verdict {
  return indicators.some((i) => i.verdict === 'FAIL') ? 'FAIL' : 'PASS';
}

/** A canonical text of a result (indicators in code order), so the same result sent twice is recognised. */
export function canonicalResult(reference: string, indicators: IndicatorResult[]): string {
  const sorted = [...indicators].sort((a, b) => a.code.localeCompare(b.code));
  return JSON.stringify({ reference, indicators: sorted.map((i) => [i.code, i.value.trim(), i.unit.trim(), i.limit.trim(), i.verdict]) });
}

/** Indicators tested by default, by product group (food-safety rules: microbiology, heavy metals, additives). */
const DEFAULT_INDICATORS: Record<ProductGroupCode, string[]> = {
  FOOD: ['E_COLI', 'COLIFORMS', 'SALMONELLA', 'LEAD', 'CADMIUM', 'ARSENIC'],
  BEVERAGES: ['E_COLI', 'COLIFORMS', 'LEAD', 'ARSENIC', 'METHANOL'],
  HERBAL: ['LEAD', 'CADMIUM', 'ARSENIC', 'MERCURY', 'MOULDS_YEASTS'],
  HANDICRAFTS: ['FORMALDEHYDE'],
  ORNAMENTAL: [],
  TOURISM: [],
};

/** The indicators a sample of a product set is tested for unless the office asks otherwise. */
export function defaultIndicators(productSetCode: string): string[] {
  const set = findProductSet(productSetCode);
  return set ? [...DEFAULT_INDICATORS[set.group]] : [];
}
