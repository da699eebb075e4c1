import { Role, type Actor, type CompleteTaskBody } from '@ocop/contracts';
import type { DataSource } from 'typeorm';
import type { EventOutbox } from '@ocop/messaging';
import type { InspectionConfig } from '../config/inspection.config';
import type { TasksRepository, WorkTask } from './tasks.repository';
import type { ViolationsRepository } from '../violations/violations.repository';
import type { ViolationWorkflow } from '../violations/violation.workflow';
import { CompleteTaskUseCase } from './complete-task.use-case';

const inspector: Actor = { id: 'u-1', username: 'inspector', role: Role.INSPECTOR, scope: { provinceCode: '38' } };
const asOf = new Date('2031-10-01T02:00:00Z');
const open: WorkTask = {
  id: 't-1',
  status: 'OPEN',
  assigneeUserId: 'u-1',
  campaignId: 'c-1',
  certificateId: 'cert-1',
  checklist: ['OPERATING_STATUS', 'LABEL_PACKAGING', 'FOOD_SAFETY'],
  provinceCode: '38',
};

function setUp(task: WorkTask | null = open, evidence: string[] = []) {
  // The audit writer's one statement (writeAudit runs tx.query in the data source's schema).
  const tx = { query: jest.fn().mockResolvedValue([]), connection: { options: { schema: 'test' } } };
  const ds = { transaction: jest.fn((fn: (t: unknown) => unknown) => fn(tx)) } as unknown as DataSource;
  const tasks = {
    getForWork: jest.fn().mockResolvedValue(task),
    evidenceKeysOf: jest.fn().mockResolvedValue(evidence),
    insertFinding: jest.fn(),
    markCompleted: jest.fn(),
    view: jest.fn().mockResolvedValue({ id: 't-1' }),
  };
  const violations = { insert: jest.fn(), ofTask: jest.fn().mockResolvedValue([]) };
  const workflow = { requestRevocation: jest.fn().mockResolvedValue(true) };
  const outbox = { enqueueEvent: jest.fn() };
  const config = { correctiveDaysMajor: 30, correctiveDaysMinor: 60 } as InspectionConfig;
  const useCase = new CompleteTaskUseCase(
    ds,
    tasks as unknown as TasksRepository,
    violations as unknown as ViolationsRepository,
    workflow as unknown as ViolationWorkflow,
    outbox as unknown as EventOutbox,
    config,
  );
  return { useCase, tasks, violations, workflow, outbox };
}

const body = (...overrides: CompleteTaskBody['findings']): CompleteTaskBody => ({
  findings: open.checklist.map((itemCode) => overrides.find((o) => o.itemCode === itemCode) ?? { itemCode, severity: 'COMPLIANT' }),
});

describe('CompleteTaskUseCase', () => {
  it('answers 404 for a task the actor may not work on, 409 for one no longer open', async () => {
    await expect(setUp(null).useCase.execute(inspector, 't-1', body(), asOf)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(setUp({ ...open, status: 'CANCELLED' }).useCase.execute(inspector, 't-1', body(), asOf)).rejects.toMatchObject({
      code: 'TASK_NOT_OPEN',
    });
  });

  it('refuses findings that repeat an item, miss one, add one, or cite evidence not uploaded for the task', async () => {
    const { useCase, tasks } = setUp(open, ['inspection/tasks/t-1/a.jpg']);
    const repeated = { findings: [...body().findings, { itemCode: 'FOOD_SAFETY', severity: 'MINOR' }] };
    await expect(useCase.execute(inspector, 't-1', repeated, asOf)).rejects.toMatchObject({ code: 'FINDING_REPEATED' });
    await expect(useCase.execute(inspector, 't-1', { findings: body().findings.slice(1) }, asOf)).rejects.toMatchObject({
      code: 'FINDINGS_NOT_CHECKLIST',
      message: expect.stringContaining('missing OPERATING_STATUS'),
    });
    const extra = { findings: [...body().findings, { itemCode: 'SCALE', severity: 'COMPLIANT' }] };
    await expect(useCase.execute(inspector, 't-1', extra, asOf)).rejects.toMatchObject({
      code: 'FINDINGS_NOT_CHECKLIST',
      message: expect.stringContaining('not on it SCALE'),
    });
    const cites = body({ itemCode: 'LABEL_PACKAGING', severity: 'MINOR', evidenceKeys: ['inspection/tasks/t-1/a.jpg', 'other.jpg'] });
    await expect(useCase.execute(inspector, 't-1', cites, asOf)).rejects.toMatchObject({
      code: 'EVIDENCE_UNKNOWN',
      message: expect.stringContaining('other.jpg'),
    });
    expect(tasks.insertFinding).not.toHaveBeenCalled();
    expect(tasks.markCompleted).not.toHaveBeenCalled();
  });

  it('records a finding per item; minor and major ones get their corrective deadline, a critical one a revocation request at once', async () => {
    const { useCase, tasks, violations, workflow, outbox } = setUp();
    await useCase.execute(
      inspector,
      't-1',
      body(
        { itemCode: 'OPERATING_STATUS', severity: 'CRITICAL', note: 'Cơ sở đã ngừng sản xuất' },
        { itemCode: 'LABEL_PACKAGING', severity: 'MINOR' },
        { itemCode: 'FOOD_SAFETY', severity: 'MAJOR' },
      ),
      asOf,
    );
    expect(tasks.insertFinding).toHaveBeenCalledTimes(3);
    const inserted = violations.insert.mock.calls.map(([, v]) => v);
    expect(inserted.map((v) => [v.severity, v.reasonCode, v.correctiveDeadline?.toISOString() ?? null, v.status])).toEqual([
      ['CRITICAL', 'PRODUCTION_HALTED', null, 'CORRECTIVE_ACTION'],
      ['MINOR', 'QUALITY_NOT_AS_CERTIFIED', '2031-11-30T02:00:00.000Z', 'CORRECTIVE_ACTION'],
      ['MAJOR', 'FOOD_SAFETY_VIOLATION', '2031-10-31T02:00:00.000Z', 'CORRECTIVE_ACTION'],
    ]);
    expect(inserted[0].details).toBe('Tình trạng hoạt động sản xuất, kinh doanh: Cơ sở đã ngừng sản xuất');
    expect(workflow.requestRevocation).toHaveBeenCalledTimes(1);
    expect(workflow.requestRevocation.mock.calls[0][1]).toBe(inserted[0].id);
    expect(tasks.markCompleted).toHaveBeenCalledWith(expect.anything(), 't-1', asOf, 'inspector');
    expect(outbox.enqueueEvent.mock.calls.map((c) => c[1])).toEqual([
      'inspection.violation-recorded.v1',
      'inspection.violation-recorded.v1',
      'inspection.violation-recorded.v1',
      'inspection.task-completed.v1',
    ]);
  });
});
