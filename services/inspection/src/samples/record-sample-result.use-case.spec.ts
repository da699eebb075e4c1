import { Role, type Actor, type RecordResultBody } from '@ocop/contracts';
import { SampleStage, canonicalResult } from '@ocop/domain';
import type { DataSource } from 'typeorm';
import type { EventOutbox } from '@ocop/messaging';
import type { ObjectStorage } from '@ocop/persistence';
import type { ViolationWorkflow } from '../violations/violation.workflow';
import type { SamplesRepository } from './samples.repository';
import type { SampleRow } from './sample.view';
import { RecordSampleResultUseCase } from './record-sample-result.use-case';

const asOf = new Date('2031-03-10T03:00:00Z');
const labUser: Actor = { id: 'u-lab', username: 'lab', role: Role.LAB, scope: { provinceCode: 'VN', agencyCode: 'LAB01' } };
const received = {
  id: 's-1',
  code: 'MAU-38-2031-0001',
  stage: SampleStage.RECEIVED_BY_LAB,
  labCode: 'LAB01',
  indicators: ['MOISTURE', 'LEAD'],
  inspectionTaskId: null,
  resultChecksum: null,
  receivedAt: new Date('2031-03-05T00:00:00Z'),
} as unknown as SampleRow;
const result = (verdicts: Record<string, 'PASS' | 'FAIL'>, o: Partial<RecordResultBody> = {}): RecordResultBody => ({
  reference: 'KQ-001',
  indicators: Object.entries(verdicts).map(([code, verdict]) => ({ code, value: ' 1 ', unit: '%', limit: '≤ 2', verdict })),
  ...o,
});
const pdf = { fileName: 'kq.pdf', contentBase64: Buffer.from('%PDF-1.7 result').toString('base64') };

function setUp(sample: SampleRow, locked: SampleRow = sample) {
  // The audit writer's one statement (writeAudit runs tx.query in the data source's schema).
  const tx = { query: jest.fn().mockResolvedValue([]), connection: { options: { schema: 'test' } } };
  const ds = { transaction: jest.fn((fn: (t: unknown) => unknown) => fn(tx)) } as unknown as DataSource;
  const samples = {
    get: jest.fn().mockResolvedValue(sample),
    getForUpdate: jest.fn().mockResolvedValue(locked),
    recordResult: jest.fn(),
  };
  const violations = { recordLabFailure: jest.fn() };
  const outbox = { enqueueEvent: jest.fn() };
  const storage = { put: jest.fn().mockResolvedValue({ key: 'lab-results/k1' }), delete: jest.fn().mockResolvedValue(undefined) };
  const useCase = new RecordSampleResultUseCase(
    ds,
    samples as unknown as SamplesRepository,
    violations as unknown as ViolationWorkflow,
    outbox as unknown as EventOutbox,
    storage as unknown as ObjectStorage,
  );
  return { useCase, samples, violations, outbox, storage };
}

describe('RecordSampleResultUseCase', () => {
  it('lets only the lab the sample was sent to record its result, before anything is stored', async () => {
    const office: Actor = { id: 'u-o', username: 'office', role: Role.PROVINCE_OFFICE, scope: { provinceCode: '38' } };
    const { useCase, storage, samples } = setUp(received);
    await expect(
      useCase.execute({ via: 'API', actor: office }, 's-1', result({ MOISTURE: 'PASS', LEAD: 'PASS' }), asOf),
    ).rejects.toMatchObject({
      code: 'LAB_ONLY',
    });
    const otherLab = { ...labUser, scope: { provinceCode: 'VN', agencyCode: 'LAB02' } };
    await expect(
      useCase.execute({ via: 'API', actor: otherLab }, 's-1', result({ MOISTURE: 'PASS', LEAD: 'PASS' }, { resultSheet: pdf }), asOf),
    ).rejects.toMatchObject({ code: 'SAMPLE_NOT_SENT_TO_LAB' });
    expect(storage.put).not.toHaveBeenCalled();
    expect(samples.recordResult).not.toHaveBeenCalled();
  });

  it('answers the same result again with the stored sample, and refuses a different one', async () => {
    const stored = {
      ...received,
      stage: SampleStage.RESULT_RECORDED,
      resultChecksum: canonicalResult(
        'KQ-001',
        result({ MOISTURE: 'PASS', LEAD: 'PASS' }).indicators.map((i) => ({ ...i, value: i.value.trim() })),
      ),
    } as SampleRow;
    const { useCase, samples } = setUp({ ...stored, requestedAt: new Date(), indicatorResults: [] } as unknown as SampleRow);
    await expect(
      useCase.execute({ via: 'API', actor: labUser }, 's-1', result({ MOISTURE: 'PASS', LEAD: 'PASS' }), asOf),
    ).resolves.toMatchObject({
      id: 's-1',
    });
    await expect(
      useCase.execute({ via: 'API', actor: labUser }, 's-1', result({ MOISTURE: 'PASS', LEAD: 'FAIL' }), asOf),
    ).rejects.toMatchObject({
      code: 'RESULT_CONFLICT',
    });
    expect(samples.recordResult).not.toHaveBeenCalled();
  });

  it('deletes the stored sheet when the transaction refuses the result', async () => {
    const { useCase, storage } = setUp(received);
    await expect(
      useCase.execute({ via: 'API', actor: labUser }, 's-1', result({ MOISTURE: 'PASS' }, { resultSheet: pdf }), asOf),
    ).rejects.toMatchObject({ code: 'INDICATORS_MISSING' });
    expect(storage.put).toHaveBeenCalledTimes(1);
    expect(storage.delete).toHaveBeenCalledWith('lab-results/k1');
  });

  it('turns a failed sample of an inspection task into a violation, in the result’s transaction', async () => {
    const ofTask = { ...received, inspectionTaskId: 'task-1', requestedAt: new Date() } as unknown as SampleRow;
    const { useCase, samples, violations, outbox } = setUp(ofTask);
    await useCase.execute({ via: 'API', actor: labUser }, 's-1', result({ MOISTURE: 'PASS', LEAD: 'FAIL' }), asOf);
    expect(samples.recordResult).toHaveBeenCalledWith(
      expect.anything(),
      ofTask,
      expect.objectContaining({ overall: 'FAIL', via: 'API', sheetKey: null, at: asOf }),
    );
    expect(outbox.enqueueEvent.mock.calls[0][1]).toBe('inspection.sample-result-recorded.v1');
    expect(violations.recordLabFailure).toHaveBeenCalledWith(expect.anything(), 's-1', 'task-1', 'MAU-38-2031-0001', ['LEAD'], asOf);
  });
});
