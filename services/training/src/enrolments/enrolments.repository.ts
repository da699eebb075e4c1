import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE, Role, type Actor } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Attendance } from './attendance.entity';
import { Enrolment } from './enrolment.entity';

/**
 * Who reads an enrolment: the class's organisers (the caller checks the class first), and otherwise its person, its
 * producer, or whoever enrolled it.
 */
export type EnrolmentScope = { kind: 'class-organiser' } | { kind: 'own'; actor: Actor };

@Injectable()
export class EnrolmentsRepository {
  constructor(private readonly ds: DataSource) {}

  private own(q: ReturnType<Tx['createQueryBuilder']>, scope: EnrolmentScope): void {
    if (scope.kind !== 'own') return;
    const a = scope.actor;
    if (a.role === Role.PRODUCER)
      q.andWhere('e.producer_id = :scopeProducer', { scopeProducer: a.scope.producerId ?? '00000000-0000-0000-0000-000000000000' });
    else q.andWhere('(e.user_id = :scopeUser OR e.enrolled_by_id = :scopeUser)', { scopeUser: a.id });
  }

  async insert(tx: Tx, e: Enrolment): Promise<void> {
    await tx.insert(Enrolment, e);
  }

  /** The next enrolment number of a class (its row locked by the caller). */
  async nextSeq(tx: Tx, classId: string): Promise<string> {
    const [{ n }] = (await tx.query(`SELECT coalesce(max(seq), 0) + 1 AS n FROM training.enrolment WHERE class_id = $1`, [classId])) as {
      n: string;
    }[];
    return String(n);
  }

  async countHolding(tx: Tx, classId: string): Promise<number> {
    return tx.count(Enrolment, {
      where: [
        { classId, status: 'ENROLLED' },
        { classId, status: 'COMPLETED' },
        { classId, status: 'NOT_COMPLETED' },
      ],
    });
  }

  get(scope: EnrolmentScope, id: string, tx?: Tx): Promise<Enrolment | null> {
    const q = (tx ?? this.ds.manager).createQueryBuilder(Enrolment, 'e').where('e.id = :id', { id });
    this.own(q, scope);
    return q.getOne();
  }

  /** A page of enrolments in scope, by class and enrolment order. */
  list(
    scope: EnrolmentScope,
    f: { classId?: string; producerId?: string; status?: string; limit?: number; offset?: number },
  ): Promise<Enrolment[]> {
    const q = this.ds.manager
      .createQueryBuilder(Enrolment, 'e')
      .orderBy('e.class_id', 'ASC')
      .addOrderBy('e.seq', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    this.own(q, scope);
    if (f.classId) q.andWhere('e.class_id = :classId', { classId: f.classId });
    if (f.producerId) q.andWhere('e.producer_id = :producerId', { producerId: f.producerId });
    if (f.status) q.andWhere('e.status = :status', { status: f.status });
    return q.getMany();
  }

  /** Every enrolment of a class (a system read under the class's lock). */
  ofClass(tx: Tx, classId: string): Promise<Enrolment[]> {
    return tx.find(Enrolment, { where: { classId }, order: { seq: 'ASC' } });
  }

  /** The first on a class's waiting list, or null. */
  firstWaiting(tx: Tx, classId: string): Promise<Enrolment | null> {
    return tx.findOne(Enrolment, { where: { classId, status: 'WAITLISTED' }, order: { seq: 'ASC' } });
  }

  async update(tx: Tx, id: string, changes: Partial<Enrolment>): Promise<void> {
    await tx.update(Enrolment, { id }, changes);
  }

  /** Writes a day's roster and recounts the days each person of it attended. */
  async recordDay(tx: Tx, rows: Attendance[]): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(Attendance)
      .values(rows)
      .orUpdate(['present', 'reason', 'recorded_by', 'recorded_at'], ['enrolment_id', 'day'])
      .execute();
    await tx.query(
      `UPDATE training.enrolment e SET days_attended = (SELECT count(*) FROM training.attendance a WHERE a.enrolment_id = e.id AND a.present)
       WHERE e.id = ANY($1::uuid[])`,
      [rows.map((r) => r.enrolmentId)],
    );
  }
}
