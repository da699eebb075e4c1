import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type EnrolmentView, type RecordAttendanceCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { manages } from '../access/training-access.policy';
import { ClassesRepository } from '../classes/classes.repository';
import { classDays } from '../classes/class.view';
import { Attendance } from './attendance.entity';
import { EnrolmentsRepository } from './enrolments.repository';
import { enrolmentView } from './enrolment.view';

/** The organiser records a day's roster of a running class: each enrolled person present, or absent with a reason. */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  async execute(actor: Actor, c: RecordAttendanceCommand, asOf: Date): Promise<EnrolmentView[]> {
    const cls = await this.classes.get(c.classId);
    if (!cls || !manages(actor, cls)) throw AppError.notFound('CLASS_NOT_FOUND', 'no such class');
    if (!classDays(cls).includes(c.day))
      throw AppError.validation('DAY_OUTSIDE_CLASS', `the class runs from ${cls.startsOn} to ${cls.endsOn}`, 'day');
    return this.ds.transaction(async (tx) => {
      const locked = (await this.classes.lock(tx, cls.id))!;
      if (locked.status !== 'RUNNING')
        throw AppError.conflict('CLASS_NOT_RUNNING', `attendance is recorded while the class runs (it is ${locked.status})`);
      const people = new Map((await this.enrolments.ofClass(tx, cls.id)).map((e) => [e.id, e]));
      const seen = new Set<string>();
      c.entries.forEach((x, i) => {
        if (people.get(x.enrolmentId)?.status !== 'ENROLLED')
          throw AppError.notFound('ENROLMENT_NOT_FOUND', 'no such person enrolled in this class', `entries.${i}.enrolmentId`);
        if (seen.has(x.enrolmentId)) throw AppError.validation('ENTRY_DUPLICATE', 'each person once a day', `entries.${i}.enrolmentId`);
        seen.add(x.enrolmentId);
        if (x.present && x.reason)
          throw AppError.validation('REASON_FOR_PRESENT', 'a reason is given for an absence only', `entries.${i}.reason`);
      });
      await this.enrolments.recordDay(
        tx,
        c.entries.map((x) =>
          Object.assign(new Attendance(), {
            enrolmentId: x.enrolmentId,
            day: c.day,
            present: x.present,
            reason: x.reason ?? null,
            recordedBy: actor.username,
            recordedAt: asOf,
          }),
        ),
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'attendance.record',
        entityType: 'training_class',
        entityId: cls.id,
        details: { day: c.day, present: c.entries.filter((x) => x.present).length, absent: c.entries.filter((x) => !x.present).length },
      });
      return (await this.enrolments.ofClass(tx, cls.id)).filter((e) => seen.has(e.id)).map((e) => enrolmentView(e));
    });
  }
}
