import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CourseView, CreateCourseCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { organiserScope } from '../access/training-access.policy';
import { Course } from './course.entity';
import { CoursesRepository } from './courses.repository';
import { courseView } from './course.view';

/** The standing office defines a course for a target group. */
@Injectable()
export class CreateCourseUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CoursesRepository,
  ) {}

  async execute(actor: Actor, c: CreateCourseCommand, asOf: Date): Promise<CourseView> {
    const { provinceCode } = organiserScope(actor);
    const course = Object.assign(new Course(), {
      id: randomUUID(),
      provinceCode,
      targetGroup: c.targetGroup,
      title: c.title,
      topics: c.topics,
      durationDays: c.durationDays,
      createdBy: actor.username,
      createdAt: asOf,
    });
    await this.ds.transaction(async (tx) => {
      await this.courses.insert(tx, course);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'course.create',
        entityType: 'course',
        entityId: course.id,
        details: { title: course.title, targetGroup: course.targetGroup },
      });
    });
    return courseView(course);
  }
}
