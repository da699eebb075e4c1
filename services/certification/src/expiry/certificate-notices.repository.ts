import { Injectable } from '@nestjs/common';
import type { Tx } from '@ocop/persistence';

@Injectable()
export class CertificateNoticesRepository {
  /**
   * Records every milestone (days before the end) these certificates reached by `asOf`, once: a milestone
   * already recorded is not inserted again (ON CONFLICT DO NOTHING on the (certificate, milestone) key). Only
   * the nearest milestone reached is marked `notified` (no three letters at once). Returns the rows inserted.
   */
  recordReached(
    tx: Tx,
    certificateIds: string[],
    asOf: Date,
    milestones: readonly number[],
  ): Promise<{ certificate_id: string; milestone_days: number; notified: boolean }[]> {
    return tx.query(
      `WITH due AS (
             SELECT c.id, m.days, min(m.days) OVER (PARTITION BY c.id) AS nearest
             FROM certification.certificate c CROSS JOIN unnest($3::int[]) AS m(days)
             WHERE c.id = ANY($1::uuid[]) AND c.valid_to - make_interval(days => m.days) <= $2)
           INSERT INTO certification.certificate_notice (certificate_id, milestone_days, recorded_at, notified)
           SELECT id, days, $2, days = nearest FROM due ON CONFLICT DO NOTHING RETURNING certificate_id, milestone_days, notified`,
      [certificateIds, asOf, milestones],
    );
  }
}
