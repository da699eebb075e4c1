import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Guidance threads between producers or communes and an agency, about one part of a dossier (issue 16). */
export class GuidanceThreads1765100000000 implements MigrationInterface {
  name = 'GuidanceThreads1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.guidance_thread (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL CONSTRAINT guidance_thread_dossier_id_fkey REFERENCES registration.dossier(id),
      province_code text NOT NULL, agency_code text NOT NULL, topic text NOT NULL,
      status text NOT NULL CONSTRAINT guidance_thread_status_check CHECK (status IN ('OPEN','ANSWERED')),
      asked_by text NOT NULL, asked_at timestamptz NOT NULL, due_at timestamptz NOT NULL,
      reminded_at timestamptz, escalated_at timestamptz, answered_at timestamptz)`);
    await q.query(`CREATE INDEX guidance_thread_agency_idx ON registration.guidance_thread (agency_code, status, asked_at)`);
    await q.query(`CREATE INDEX guidance_thread_dossier_idx ON registration.guidance_thread (dossier_id, asked_at)`);
    await q.query(`CREATE INDEX guidance_thread_due_idx ON registration.guidance_thread (status, due_at)`);
    await q.query(`CREATE TABLE registration.guidance_message (
      id uuid PRIMARY KEY,
      thread_id uuid NOT NULL CONSTRAINT guidance_message_thread_id_fkey REFERENCES registration.guidance_thread(id),
      side text NOT NULL CONSTRAINT guidance_message_side_check CHECK (side IN ('ASKER','AGENCY')),
      author_id text NOT NULL, via text NOT NULL, text text NOT NULL, reference text, at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX guidance_message_thread_idx ON registration.guidance_message (thread_id, at)`);
    await q.query(
      `CREATE UNIQUE INDEX guidance_message_reference_uq ON registration.guidance_message (thread_id, reference) WHERE reference IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.guidance_message`);
    await q.query(`DROP TABLE registration.guidance_thread`);
  }
}
