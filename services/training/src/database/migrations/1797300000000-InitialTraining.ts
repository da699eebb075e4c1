import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

/**
 * Training: courses and their classes, enrolment per person with its waiting list, attendance per day, invitations
 * from events, and the certificates training knows (a copy kept from certification's events, for eligibility).
 */
export class InitialTraining1797300000000 implements MigrationInterface {
  name = 'InitialTraining1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'training');
    await q.query(`CREATE TABLE training.certificate (
      certificate_id uuid PRIMARY KEY, number text NOT NULL, code text NOT NULL, product_id uuid NOT NULL, product_name text NOT NULL,
      product_set_code text NOT NULL, producer_id uuid NOT NULL, province_code text NOT NULL, authority_unit_code text NOT NULL,
      stars int NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL,
      status text NOT NULL CONSTRAINT certificate_status_check CHECK (status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')),
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX certificate_producer_idx ON training.certificate (producer_id)`);
    await q.query(`CREATE TABLE training.course (
      id uuid PRIMARY KEY, province_code text NOT NULL,
      target_group text NOT NULL CONSTRAINT course_target_group_check CHECK (target_group IN
        ('COUNCIL','OFFICIALS','DEPARTMENT_OFFICIALS','CONSULTANTS','PRODUCERS_3STAR','POTENTIAL_PRODUCERS','TRAINERS','WORKERS')),
      title text NOT NULL, topics text[] NOT NULL, duration_days int NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE training.training_class (
      id uuid PRIMARY KEY, course_id uuid NOT NULL CONSTRAINT training_class_course_fk REFERENCES training.course(id),
      target_group text NOT NULL, province_code text NOT NULL, district_code text, title text NOT NULL,
      starts_on date NOT NULL, ends_on date NOT NULL, place text, online boolean NOT NULL, destination text,
      capacity int NOT NULL CONSTRAINT training_class_capacity_check CHECK (capacity > 0), organiser text NOT NULL,
      co_programme text, funding_source text, plan_reference text,
      completion_percent int NOT NULL CONSTRAINT training_class_completion_check CHECK (completion_percent BETWEEN 1 AND 100),
      status text NOT NULL CONSTRAINT training_class_status_check CHECK (status IN ('PLANNED','OPEN','RUNNING','COMPLETED','CANCELLED')),
      created_by_id uuid NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL,
      CONSTRAINT training_class_dates_check CHECK (ends_on >= starts_on))`);
    await q.query(`CREATE INDEX training_class_province_idx ON training.training_class (province_code, status, starts_on)`);
    // One person once per class: a user by id, anyone else by who named them, name and birth year.
    await q.query(`CREATE TABLE training.enrolment (
      id uuid PRIMARY KEY, class_id uuid NOT NULL CONSTRAINT enrolment_class_fk REFERENCES training.training_class(id),
      person_key text NOT NULL, user_id uuid, producer_id uuid, full_name text NOT NULL, birth_year int, position text,
      province_code text NOT NULL, district_code text, commune_code text,
      status text NOT NULL CONSTRAINT enrolment_status_check CHECK (status IN ('ENROLLED','WAITLISTED','WITHDRAWN','COMPLETED','NOT_COMPLETED')),
      seq bigint NOT NULL, enrolled_by_id uuid NOT NULL, enrolled_by text NOT NULL, enrolled_at timestamptz NOT NULL,
      withdrawn_at timestamptz, days_attended int NOT NULL DEFAULT 0,
      CONSTRAINT enrolment_person_uq UNIQUE (class_id, person_key))`);
    await q.query(`CREATE INDEX enrolment_class_status_idx ON training.enrolment (class_id, status, seq)`);
    await q.query(`CREATE TABLE training.attendance (
      enrolment_id uuid NOT NULL CONSTRAINT attendance_enrolment_fk REFERENCES training.enrolment(id), day date NOT NULL,
      present boolean NOT NULL, reason text, recorded_by text NOT NULL, recorded_at timestamptz NOT NULL,
      CONSTRAINT attendance_pk PRIMARY KEY (enrolment_id, day))`);
    // One invitation per producer and cause, whatever the redeliveries.
    await q.query(`CREATE TABLE training.invitation (
      id uuid PRIMARY KEY, producer_id uuid NOT NULL, class_id uuid NOT NULL CONSTRAINT invitation_class_fk REFERENCES training.training_class(id),
      province_code text NOT NULL, reason text NOT NULL, cause_key text NOT NULL, created_at timestamptz NOT NULL,
      CONSTRAINT invitation_cause_uq UNIQUE (producer_id, cause_key))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA training CASCADE');
  }
}
