import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Course materials: files in object storage, each title of a course keeping its versions. */
export class CourseMaterials1797600000000 implements MigrationInterface {
  name = 'CourseMaterials1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training.course_material (
      id uuid PRIMARY KEY, course_id uuid NOT NULL CONSTRAINT course_material_course_fk REFERENCES training.course(id),
      title text NOT NULL, version int NOT NULL, file_name text NOT NULL, content_type text NOT NULL, size int NOT NULL,
      sha256 text NOT NULL, storage_key text NOT NULL, uploaded_by text NOT NULL, uploaded_at timestamptz NOT NULL,
      CONSTRAINT course_material_version_uq UNIQUE (course_id, title, version))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training.course_material');
  }
}
