import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Course } from './course.entity';

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
}
