import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO, InspectionEvents as E, SYSTEM_ACTOR } from '@ocop/contracts';
import { LAB_INDICATORS } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { LabsRepository } from './labs.repository';

/** The demo lab LAB01, the demo `lab` user's, accredited for every named indicator; only into an empty register. */
@Injectable()
export class SeedDemoLabUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly labs: LabsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      await this.labs.lockRegister(tx); // replicas starting together seed once
      if (!(await this.labs.isEmpty(tx))) return false;
      const id = randomUUID();
      const lab = {
        code: 'LAB01',
        name: 'Trung tâm Kiểm nghiệm Thanh Hóa',
        provinceCode: DEMO.provinceCode,
        indicators: LAB_INDICATORS.map((i) => i.code).sort(),
        turnaroundDays: 7,
      };
      await this.labs.insert(tx, {
        id,
        ...lab,
        contactName: 'Nguyễn Thị Hà',
        contactEmail: 'kiemnghiem@example.vn',
        contactPhone: null,
        createdBy: SYSTEM_ACTOR.username,
      });
      await this.outbox.enqueueEvent(tx, E.labRegistered, id, { labId: id, ...lab });
      await writeAudit(tx, {
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'lab.demo-seed',
        entityType: 'lab',
        entityId: id,
        details: { code: lab.code },
      });
      return true;
    });
  }
}
