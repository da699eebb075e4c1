import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Completion certificates (one per person who completed a class, with its public code) and their numbering. */
export class CompletionCertificates1797400000000 implements MigrationInterface {
  name = 'CompletionCertificates1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training.completion_certificate (
      enrolment_id uuid PRIMARY KEY CONSTRAINT completion_certificate_enrolment_fk REFERENCES training.enrolment(id),
      class_id uuid NOT NULL, province_code text NOT NULL, number text NOT NULL CONSTRAINT completion_certificate_number_uq UNIQUE,
      code text NOT NULL CONSTRAINT completion_certificate_code_uq UNIQUE, issued_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE training.certificate_counter (
      province_code text NOT NULL, year int NOT NULL, last int NOT NULL, CONSTRAINT certificate_counter_pk PRIMARY KEY (province_code, year))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training.certificate_counter');
    await q.query('DROP TABLE training.completion_certificate');
  }
}
