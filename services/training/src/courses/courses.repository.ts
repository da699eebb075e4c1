import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Course } from './course.entity';
import { CourseMaterial } from './course-material.entity';

@Injectable()
export class CoursesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, c: Course): Promise<void> {
    await tx.insert(Course, c);
  }

  get(id: string, tx?: Tx): Promise<Course | null> {
    return (tx ?? this.ds.manager).findOneBy(Course, { id });
  }

  /** A page of a province's courses (null: every province), by title. */
  list(provinceCode: string | null, f: { targetGroup?: string; limit?: number; offset?: number }): Promise<Course[]> {
    const where: Record<string, string> = {};
    if (provinceCode) where.provinceCode = provinceCode;
    if (f.targetGroup) where.targetGroup = f.targetGroup;
    return this.ds.manager.find(Course, {
      where,
      order: { title: 'ASC', id: 'ASC' },
      take: f.limit ?? DEFAULT_PAGE.limit,
      skip: f.offset ?? DEFAULT_PAGE.offset,
    });
  }

  /** The next version of a material title (the course row locked by the caller). */
  async nextVersion(tx: Tx, courseId: string, title: string): Promise<number> {
    const [{ v }] = (await tx.query(
      `SELECT coalesce(max(version), 0) + 1 AS v FROM training.course_material WHERE course_id = $1 AND title = $2`,
      [courseId, title],
    )) as { v: number }[];
    return Number(v);
  }

  /** The course row locked for the caller's transaction (material versions are numbered under it). */
  lock(tx: Tx, id: string): Promise<Course | null> {
    return tx.getRepository(Course).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async insertMaterial(tx: Tx, m: CourseMaterial): Promise<void> {
    await tx.insert(CourseMaterial, m);
  }

  /** Every material version of these courses, by course id, newest first. */
  async materialsOf(courseIds: string[]): Promise<Map<string, CourseMaterial[]>> {
    const out = new Map<string, CourseMaterial[]>(courseIds.map((id) => [id, []]));
    if (!courseIds.length) return out;
    for (const m of await this.ds.manager.find(CourseMaterial, {
      where: { courseId: In(courseIds) },
      order: { uploadedAt: 'DESC', version: 'DESC' },
    }))
      out.get(m.courseId)!.push(m);
    return out;
  }

  material(courseId: string, id: string): Promise<CourseMaterial | null> {
    return this.ds.manager.findOneBy(CourseMaterial, { courseId, id });
  }
}
