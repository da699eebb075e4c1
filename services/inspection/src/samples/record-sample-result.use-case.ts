import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  InspectionEvents as E,
  Role,
  type Actor,
  type RecordResultBody,
  type SampleResultRecordedData,
  type SampleView,
} from '@ocop/contracts';
import { canTakeStep, canonicalResult, overallVerdict } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type ObjectStorage } from '@ocop/persistence';
import { RESULT_STORAGE } from '../inspection.tokens';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import type { LabRow } from '../labs/lab.view';
import { ViolationWorkflow } from '../violations/violation.workflow';
import { SamplesRepository } from './samples.repository';
import { sampleNotFound } from './sample.policy';
import { sampleEventData, sampleView, type SampleRow } from './sample.view';

/** Who records a result: a lab user through the API, or the lab's own service on NATS (its credential already checked). */
export type ResultSource = { via: 'API'; actor: Actor } | { via: 'NATS'; lab: LabRow };

const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * The lab's result. Only the lab the sample was sent to may record it; the same result again is answered
 * with the stored one and changes nothing; a different one is refused (the first result stands). It is
 * published as `inspection.sample-result-recorded.v1`.
 */
@Injectable()
export class RecordSampleResultUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly samples: SamplesRepository,
    private readonly violations: ViolationWorkflow,
    private readonly outbox: EventOutbox,
    @Inject(RESULT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async execute(source: ResultSource, sampleId: string, r: RecordResultBody, asOf: Date): Promise<SampleView> {
    const indicators = r.indicators.map((i) => ({
      code: i.code,
      value: i.value.trim(),
      unit: i.unit.trim(),
      limit: i.limit.trim(),
      verdict: i.verdict,
    }));
    if (new Set(indicators.map((i) => i.code)).size !== indicators.length)
      throw AppError.validation('INDICATOR_REPEATED', 'an indicator appears twice', 'indicators');
    const checksum = canonicalResult(r.reference, indicators);
    let sheet: Buffer | null = null;
    if (r.resultSheet) {
      sheet = Buffer.from(r.resultSheet.contentBase64, 'base64');
      if (sheet.length > 700 * 1024 || !sheet.subarray(0, 5).equals(PDF_MAGIC))
        throw AppError.validation('RESULT_SHEET_INVALID', 'the result sheet must be a PDF of at most 700 KB', 'resultSheet');
    }
    // Who may: decided before anything is stored. Being the lab it was sent to is the check (403, not 404).
    const before = await this.find(sampleId);
    const labCode = source.via === 'API' ? (source.actor.role === Role.LAB ? source.actor.scope.agencyCode : null) : source.lab.code;
    if (!labCode) throw AppError.forbidden('LAB_ONLY', 'results are recorded by the lab the sample was sent to');
    if (before.labCode !== labCode)
      throw AppError.forbidden('SAMPLE_NOT_SENT_TO_LAB', `sample ${before.code} was not sent to lab ${labCode}`);
    if (before.resultChecksum) return this.sameOrConflict(before, checksum);
    const stored = sheet ? await this.storage.put('lab-results', sheet) : null;
    try {
      const outcome = await this.ds.transaction(async (tx) => {
        const s = await this.samples.getForUpdate(tx, SYSTEM_SCOPE, sampleId);
        if (!s) throw sampleNotFound(sampleId);
        if (s.resultChecksum) return { repeat: s };
        if (!canTakeStep(s.stage, 'RESULT'))
          throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}: no result can be recorded now`);
        const missing = s.indicators.filter((code) => !indicators.some((i) => i.code === code));
        if (missing.length) throw AppError.validation('INDICATORS_MISSING', `the result lacks ${missing.join(', ')}`, 'indicators');
        const overall = overallVerdict(indicators);
        await this.samples.recordResult(tx, s, {
          at: asOf,
          overall,
          reference: r.reference,
          indicators,
          checksum,
          sheetKey: stored?.key ?? null,
          via: source.via,
        });
        const data: SampleResultRecordedData = {
          ...sampleEventData(s),
          overall,
          reference: r.reference,
          indicators,
          recordedVia: source.via,
          recordedAt: asOf.toISOString(),
        };
        await this.outbox.enqueueEvent(tx, E.sampleResultRecorded, s.id, data);
        // A failed sample of an inspection task is a violation that asks for revocation at once.
        if (s.inspectionTaskId && overall === 'FAIL')
          await this.violations.recordLabFailure(
            tx,
            s.id,
            s.inspectionTaskId,
            s.code,
            indicators.filter((i) => i.verdict === 'FAIL').map((i) => i.code),
            asOf,
          );
        const actor = source.via === 'API' ? source.actor : { id: `lab:${source.lab.code}`, role: Role.LAB };
        await writeAudit(tx, {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'sample.record-result',
          entityType: 'sample',
          entityId: s.id,
          details: { overall, reference: r.reference, via: source.via, sheet: stored?.key ?? null },
        });
        return { repeat: null };
      });
      if (outcome.repeat) {
        if (stored) await this.storage.delete(stored.key);
        return this.sameOrConflict(outcome.repeat, checksum);
      }
    } catch (err) {
      if (stored) await this.storage.delete(stored.key).catch(() => undefined);
      throw err;
    }
    return sampleView(await this.find(sampleId));
  }

  private async find(sampleId: string): Promise<SampleRow> {
    const s = await this.samples.get(SYSTEM_SCOPE, sampleId);
    if (!s) throw sampleNotFound(sampleId);
    return s;
  }

  private sameOrConflict(s: SampleRow, checksum: string): SampleView {
    if (s.resultChecksum !== checksum) {
      throw AppError.conflict(
        'RESULT_CONFLICT',
        `sample ${s.code} already has result ${s.resultReference} (${s.overall}); a different result is refused`,
      );
    }
    return sampleView(s);
  }
}
