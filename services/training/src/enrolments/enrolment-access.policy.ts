import { Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { manages } from '../access/training-access.policy';
import { ClassesRepository } from '../classes/classes.repository';
import type { TrainingClass } from '../classes/training-class.entity';
import type { Enrolment } from './enrolment.entity';
import { EnrolmentsRepository } from './enrolments.repository';

/** The enrolment a caller may act on: any of a class it organises; otherwise its own, its producer's, or one it made. */
@Injectable()
export class EnrolmentAccess {
  constructor(
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  async require(actor: Actor, id: string, tx?: Tx): Promise<{ enrolment: Enrolment; cls: TrainingClass }> {
    const any = await this.enrolments.get({ kind: 'class-organiser' }, id, tx);
    const cls = any ? await this.classes.get(any.classId, tx) : null;
    if (any && cls && manages(actor, cls)) return { enrolment: any, cls };
    const own = await this.enrolments.get({ kind: 'own', actor }, id, tx);
    if (!own || !cls) throw AppError.notFound('ENROLMENT_NOT_FOUND', 'no such enrolment');
    return { enrolment: own, cls };
  }
}
