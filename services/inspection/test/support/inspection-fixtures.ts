import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@ocop/persistence';
import type { SampleStage } from '@ocop/domain';
import { INSPECTION_DATABASE } from '../../src/database/inspection.database';
import { Lab } from '../../src/labs/lab.entity';
import { Sample } from '../../src/samples/sample.entity';
import { PooledCertificate } from '../../src/certificate-pool/pooled-certificate.entity';
import { Campaign } from '../../src/campaigns/campaign.entity';
import { Task } from '../../src/tasks/task.entity';
import { Violation } from '../../src/violations/violation.entity';

/** The inspection schema of a test database (already migrated: cloned from the template). */
export function inspectionDataSource(url: string): Promise<DataSource> {
  return createServiceDataSource({ ...INSPECTION_DATABASE, url, applicationName: 'inspection-medium-test', poolSize: 4 }).initialize();
}

export const at = (iso: string): Date => new Date(iso);

/** Rows written straight through the entities, with defaults a test overrides where it matters. */
export class Fixtures {
  private n = 0;
  constructor(private readonly ds: DataSource) {}

  async lab(o: Partial<Lab> = {}): Promise<Lab> {
    const l = Object.assign(new Lab(), {
      id: randomUUID(),
      code: `LAB${++this.n}${randomUUID().slice(0, 4)}`,
      name: 'Trung tâm Kiểm nghiệm',
      provinceCode: '38',
      indicators: ['MOISTURE'],
      turnaroundDays: 7,
      contactName: 'Nguyễn Thị Hà',
      contactEmail: null,
      contactPhone: null,
      createdBy: 'test',
      createdAt: at('2031-01-01T00:00:00Z'),
      ...o,
    });
    await this.ds.manager.insert(Lab, l);
    return l;
  }

  async sample(lab: Lab, o: Partial<Sample> = {}): Promise<Sample> {
    const s = Object.assign(new Sample(), {
      id: randomUUID(),
      code: `MAU-${randomUUID().slice(0, 8)}`,
      stage: 'REQUESTED' as SampleStage,
      overdue: false,
      stageSince: at('2031-03-01T00:00:00Z'),
      dueAt: at('2031-03-04T00:00:00Z'),
      dossierId: null,
      evaluationId: null,
      inspectionTaskId: null,
      productId: randomUUID(),
      productName: 'Mật ong rừng',
      productSetCode: 'HONEY',
      producerId: randomUUID(),
      provinceCode: '38',
      labId: lab.id,
      indicators: ['MOISTURE'],
      requestedBy: 'office',
      requestedAt: at('2031-03-01T00:00:00Z'),
      ...o,
    });
    await this.ds.manager.insert(Sample, s);
    return s;
  }

  async certificate(o: Partial<PooledCertificate> = {}): Promise<PooledCertificate> {
    const c = Object.assign(new PooledCertificate(), {
      certificateId: randomUUID(),
      number: `GCN-${++this.n}-${randomUUID().slice(0, 4)}`,
      code: `OCOP-${randomUUID().slice(0, 8)}`,
      productId: randomUUID(),
      productName: 'Chè xanh',
      productSetCode: 'TEA',
      productGroup: 'FOOD',
      producerId: randomUUID(),
      provinceCode: '38',
      authorityUnitCode: '38',
      stars: 4,
      validFrom: at('2030-01-01T00:00:00Z'),
      validTo: at('2033-01-01T00:00:00Z'),
      issuedAt: at('2030-01-01T00:00:00Z'),
      status: 'ACTIVE',
      updatedAt: at('2030-01-01T00:00:00Z'),
      ...o,
    });
    await this.ds.manager.insert(PooledCertificate, c);
    return c;
  }

  async campaign(o: Partial<Campaign> = {}): Promise<Campaign> {
    const c = Object.assign(new Campaign(), {
      id: randomUUID(),
      name: 'Hậu kiểm',
      legalBasis: 'Quyết định 148/QĐ-TTg',
      provinceCode: '38',
      periodFrom: at('2031-01-01T00:00:00Z'),
      periodTo: at('2031-04-01T00:00:00Z'),
      scope: {},
      rule: { kind: 'ALL' },
      checklist: ['LABEL_PACKAGING'],
      team: { inspectorUserIds: [] },
      origin: 'PLANNED',
      originReference: null,
      status: 'OPEN',
      selectedAt: null,
      createdBy: 'office',
      createdAt: at('2031-01-01T00:00:00Z'),
      recurrenceId: null,
      ...o,
    });
    await this.ds.manager.insert(Campaign, c);
    return c;
  }

  async task(campaign: Campaign, cert: PooledCertificate, o: Partial<Task> = {}): Promise<Task> {
    const t = Object.assign(new Task(), {
      id: randomUUID(),
      campaignId: campaign.id,
      certificateId: cert.certificateId,
      rank: ++this.n,
      riskScore: null,
      riskReasons: [],
      assigneeUserId: null,
      dueAt: campaign.periodTo,
      status: 'OPEN',
      completedAt: null,
      completedBy: null,
      cancelledReason: null,
      ...o,
    });
    await this.ds.manager.insert(Task, t);
    return t;
  }

  async violation(task: Task, o: Partial<Violation> = {}): Promise<Violation> {
    const v = Object.assign(new Violation(), {
      id: randomUUID(),
      taskId: task.id,
      certificateId: task.certificateId,
      findingId: null,
      sampleId: null,
      severity: 'MINOR',
      reasonCode: 'LABEL_NONCOMPLIANT',
      details: 'Nhãn thiếu hạn sử dụng',
      correctiveDeadline: at('2031-05-01T00:00:00Z'),
      status: 'CORRECTIVE_ACTION',
      correctedAt: null,
      correctedBy: null,
      revocationRequestedAt: null,
      createdAt: at('2031-03-01T00:00:00Z'),
      ...o,
    });
    await this.ds.manager.insert(Violation, v);
    return v;
  }
}
