import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-evaluation by written consultation (issue 18): a session's mode and its sheets' deadline, when the missing sheets
 * were escalated, and which members were reminded (once each).
 */
export class WrittenConsultation1765500000000 implements MigrationInterface {
  name = 'WrittenConsultation1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.session
      ADD COLUMN mode text NOT NULL DEFAULT 'MEETING' CONSTRAINT session_mode_check CHECK (mode IN ('MEETING','WRITTEN')),
      ADD COLUMN sheets_due_at timestamptz, ADD COLUMN sheets_escalated_at timestamptz,
      ADD CONSTRAINT session_sheets_due_check CHECK ((mode = 'WRITTEN') = (sheets_due_at IS NOT NULL))`);
    await q.query(`CREATE INDEX session_written_due_idx ON scoring.session (mode, status, sheets_due_at)`);
    await q.query(`CREATE TABLE scoring.written_consultation_reminder (
      session_id uuid NOT NULL CONSTRAINT written_consultation_reminder_session_id_fkey REFERENCES scoring.session(id),
      member_id uuid NOT NULL CONSTRAINT written_consultation_reminder_member_id_fkey REFERENCES scoring.council_member(id),
      reminded_at timestamptz NOT NULL,
      CONSTRAINT written_consultation_reminder_pkey PRIMARY KEY (session_id, member_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.written_consultation_reminder`);
    await q.query(`DROP INDEX scoring.session_written_due_idx`);
    await q.query(`ALTER TABLE scoring.session DROP CONSTRAINT session_sheets_due_check,
      DROP COLUMN sheets_escalated_at, DROP COLUMN sheets_due_at, DROP COLUMN mode`);
  }
}
