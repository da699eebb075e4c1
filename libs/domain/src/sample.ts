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
export interface StageDeadlines {
  collectHours: number;
  dispatchHours: number;
  receiveHours: number;
}

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

export interface LabIndicator {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
}

/** The indicators the platform knows by name; a lab may be accredited for others (any upper-case code). */
export const LAB_INDICATORS: readonly LabIndicator[] = [
  { code: 'E_COLI', nameVi: 'E. coli', nameEn: 'E. coli' },
  { code: 'COLIFORMS', nameVi: 'Coliforms', nameEn: 'Coliforms' },
  { code: 'SALMONELLA', nameVi: 'Salmonella', nameEn: 'Salmonella' },
  { code: 'MOULDS_YEASTS', nameVi: 'Tổng số nấm men, nấm mốc', nameEn: 'Total yeasts and moulds' },
  { code: 'LEAD', nameVi: 'Chì (Pb)', nameEn: 'Lead (Pb)' },
  { code: 'CADMIUM', nameVi: 'Cadimi (Cd)', nameEn: 'Cadmium (Cd)' },
  { code: 'ARSENIC', nameVi: 'Asen (As)', nameEn: 'Arsenic (As)' },
  { code: 'MERCURY', nameVi: 'Thủy ngân (Hg)', nameEn: 'Mercury (Hg)' },
  { code: 'METHANOL', nameVi: 'Methanol', nameEn: 'Methanol' },
  { code: 'FORMALDEHYDE', nameVi: 'Formaldehyt', nameEn: 'Formaldehyde' },
  { code: 'PLANT_QUARANTINE_PESTS', nameVi: 'Sinh vật gây hại thuộc diện kiểm dịch thực vật', nameEn: 'Plant quarantine pests' },
  { code: 'ANIMAL_INFECTIOUS_DISEASES', nameVi: 'Bệnh truyền nhiễm thuộc diện kiểm dịch động vật', nameEn: 'Animal quarantine diseases' },
];

/**
 * Indicators tested by default, by product group (food-safety rules: microbiology, heavy metals, additives).
 * Ornamental living things are not eaten: their samples are checked for what plant and animal quarantine
 * look for (inferred; an office names other indicators when it asks for them). Tourism takes no samples.
 */
const DEFAULT_INDICATORS: Record<ProductGroupCode, string[]> = {
  FOOD: ['E_COLI', 'COLIFORMS', 'SALMONELLA', 'LEAD', 'CADMIUM', 'ARSENIC'],
  BEVERAGES: ['E_COLI', 'COLIFORMS', 'LEAD', 'ARSENIC', 'METHANOL'],
  HERBAL: ['LEAD', 'CADMIUM', 'ARSENIC', 'MERCURY', 'MOULDS_YEASTS'],
  HANDICRAFTS: ['FORMALDEHYDE'],
  ORNAMENTAL: ['PLANT_QUARANTINE_PESTS'],
  TOURISM: [],
};
/** Product sets whose defaults differ from their group's. */
const SET_DEFAULT_INDICATORS: Record<string, string[]> = {
  '25': ['ANIMAL_INFECTIOUS_DISEASES'], // ornamental animals
};

/** The indicators a sample of a product set is tested for unless the office asks otherwise. */
export function defaultIndicators(productSetCode: string): string[] {
  const set = findProductSet(productSetCode);
  if (!set) return [];
  return [...(SET_DEFAULT_INDICATORS[set.code] ?? DEFAULT_INDICATORS[set.group])];
}
