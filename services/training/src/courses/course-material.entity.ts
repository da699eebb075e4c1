import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { Course } from './course.entity';

/** One version of a course material: the file in object storage and what it is. */
@Entity({ name: 'course_material' })
@Unique('course_material_version_uq', ['courseId', 'title', 'version'])
export class CourseMaterial {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Course, { name: 'course_material_course_fk' })
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;
  @Column('text') title: string;
  @Column('int') version: number;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
