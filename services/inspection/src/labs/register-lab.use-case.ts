import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, type Actor, type LabView, type RegisterLabCommand } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { LabsRepository, WHOLE_REGISTER } from './labs.repository';

/** The standing office registers a lab and the indicators it is accredited for. */
@Injectable()
export class RegisterLabUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly labs: LabsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, c: RegisterLabCommand): Promise<LabView> {
    // A national admin's lab belongs to every province (`*`), a province office's to its province.
    const provinceCode = actor.scope.provinceCode;
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      if (await this.labs.codeTaken(tx, c.code)) throw AppError.conflict('LAB_CODE_TAKEN', `a lab with code ${c.code} exists`, 'code');
      await this.labs.insert(tx, {
        id,
        code: c.code,
        name: c.name,
        provinceCode,
        indicators: [...new Set(c.indicators)].sort(),
        turnaroundDays: c.turnaroundDays,
        contactName: c.contactName,
        contactEmail: c.contactEmail ?? null,
        contactPhone: c.contactPhone ?? null,
        createdBy: actor.username,
        createdAt: now(),
      });
      await this.outbox.enqueueEvent(tx, E.labRegistered, id, {
        labId: id,
        code: c.code,
        name: c.name,
        provinceCode,
        indicators: c.indicators,
        turnaroundDays: c.turnaroundDays,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.register',
        entityType: 'lab',
        entityId: id,
        details: { code: c.code },
      });
    });
    return (await this.labs.get(WHOLE_REGISTER, id)) as LabView;
  }
}
