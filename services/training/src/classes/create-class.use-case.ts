import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, TrainingEvents as E, type Actor, type ClassView, type CreateClassCommand } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import type { TrainingConfig } from '../config/training.config';
import { TRAINING_CONFIG } from '../training.tokens';
import { organiserScope } from '../access/training-access.policy';
import { CoursesRepository } from '../courses/courses.repository';
import { ClassesRepository } from './classes.repository';
import { TrainingClass } from './training-class.entity';
import { classView } from './class.view';

/**
 * An organiser plans a class of one of its province's courses: the standing office any, a district office its
 * district's (the district is the office's own). Planned until enrolment opens.
 */
@Injectable()
export class CreateClassUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CoursesRepository,
    private readonly classes: ClassesRepository,
    private readonly outbox: EventOutbox,
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
  ) {}

  async execute(actor: Actor, c: CreateClassCommand, asOf: Date): Promise<ClassView> {
    const scope = organiserScope(actor);
    const course = await this.courses.get(c.courseId);
    if (!course || course.provinceCode !== scope.provinceCode) throw AppError.notFound('COURSE_NOT_FOUND', 'no such course', 'courseId');
    if (scope.districtCode && c.districtCode && c.districtCode !== scope.districtCode)
      throw AppError.forbidden('DISTRICT_OUT_OF_SCOPE', "a district office plans its own district's classes", 'districtCode');
    if (c.endsOn < c.startsOn) throw AppError.validation('CLASS_ENDS_BEFORE_START', 'a class ends on or after the day it starts', 'endsOn');
    if (c.startsOn < vietnamDay(asOf)) throw AppError.validation('CLASS_IN_PAST', 'a class is planned before it starts', 'startsOn');
    const cls: TrainingClass = Object.assign(new TrainingClass(), {
      id: randomUUID(),
      courseId: course.id,
      targetGroup: course.targetGroup,
      provinceCode: scope.provinceCode,
      districtCode: scope.districtCode ?? c.districtCode ?? null,
      title: c.title,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      place: c.place ?? null,
      online: c.online ?? false,
      destination: c.destination ?? null,
      capacity: c.capacity,
      organiser: c.organiser,
      coProgramme: c.coProgramme ?? null,
      fundingSource: c.fundingSource ?? null,
      planReference: c.planReference ?? null,
      completionPercent: c.completionPercent ?? this.config.completionPercent,
      status: 'PLANNED',
      createdById: actor.id,
      createdBy: actor.username,
      createdAt: asOf,
    });
    await this.ds.transaction(async (tx) => {
      await this.classes.insert(tx, cls);
      await this.outbox.enqueueEvent(tx, E.classScheduled, cls.id, {
        classId: cls.id,
        courseId: cls.courseId,
        provinceCode: cls.provinceCode,
        districtCode: cls.districtCode,
        targetGroup: cls.targetGroup,
        startsOn: cls.startsOn,
        endsOn: cls.endsOn,
        capacity: cls.capacity,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'class.create',
        entityType: 'training_class',
        entityId: cls.id,
        details: { courseId: cls.courseId, startsOn: cls.startsOn, capacity: cls.capacity },
      });
    });
    return classView((await this.classes.get(cls.id))!);
  }
}
