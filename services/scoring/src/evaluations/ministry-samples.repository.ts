import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { MinistrySample } from './ministry-sample.entity';

@Injectable()
export class MinistrySamplesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, s: MinistrySample): Promise<void> {
    await tx.insert(MinistrySample, s);
  }

  /** The shipments of a forwarding evaluation, in the order they were handed. */
  ofEvaluation(evaluationId: string): Promise<MinistrySample[]> {
    return this.ds.manager.find(MinistrySample, { where: { evaluationId }, order: { handedAt: 'ASC', id: 'ASC' } });
  }

  /** A shipment locked for its receipt. */
  lock(tx: Tx, id: string): Promise<MinistrySample | null> {
    return tx.getRepository(MinistrySample).createQueryBuilder('s').where('s.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async markReceived(tx: Tx, s: MinistrySample): Promise<void> {
    await tx.update(MinistrySample, { id: s.id }, { receivedAt: s.receivedAt, receivedBy: s.receivedBy, receiptNote: s.receiptNote });
  }

  /** Whether the user sits on a central council (the ministry's side of a forwarded dossier). */
  async sitsOnCentralCouncil(tx: Tx, userId: string): Promise<boolean> {
    const [r]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM scoring.council_member m JOIN scoring.council c ON c.id = m.council_id
        WHERE m.user_id = $1 AND c.tier = 'CENTRAL'`,
      [userId],
    );
    return r!.n > 0;
  }
}
