import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type AttachMaterialCommand, type MaterialView } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { organiserScope } from '../access/training-access.policy';
import { CourseMaterial } from './course-material.entity';
import { CoursesRepository } from './courses.repository';
import { courseView } from './course.view';

/** The standing office adds a material to a course (the gateway stored the file); the same title makes a new version. */
@Injectable()
export class AttachMaterialUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CoursesRepository,
  ) {}

  async execute(actor: Actor, c: AttachMaterialCommand, asOf: Date): Promise<MaterialView> {
    const { provinceCode } = organiserScope(actor);
    const material = await this.ds.transaction(async (tx) => {
      const course = await this.courses.lock(tx, c.courseId);
      if (!course || course.provinceCode !== provinceCode) throw AppError.notFound('COURSE_NOT_FOUND', 'no such course');
      const m = Object.assign(new CourseMaterial(), {
        id: randomUUID(),
        courseId: course.id,
        title: c.title,
        version: await this.courses.nextVersion(tx, course.id, c.title),
        fileName: c.fileName,
        contentType: c.contentType,
        size: c.size,
        sha256: c.sha256,
        storageKey: c.storageKey,
        uploadedBy: actor.username,
        uploadedAt: asOf,
      });
      await this.courses.insertMaterial(tx, m);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'course.attach-material',
        entityType: 'course',
        entityId: course.id,
        details: { title: m.title, version: m.version, sha256: m.sha256 },
      });
      return { course, m };
    });
    return courseView(material.course, [material.m]).materials[0]!;
  }
}
