import { Injectable } from '@nestjs/common';
import { addReplicaIfAbsent, followReplica, type Tx } from '@ocop/persistence';
import type { EventEnvelope } from '@ocop/contracts';
import { CertificateRecord } from './certificate.entity';

/** The certificates training knows, kept from certification's events (system reads and writes only). */
@Injectable()
export class CertificatesRepository {
  addIfAbsent(tx: Tx, c: Omit<CertificateRecord, 'status' | 'updatedAt'>, at: Date): Promise<void> {
    return addReplicaIfAbsent(tx, CertificateRecord, c, at);
  }

  /** The copy follows a later event of its certificate (expiring, superseded, expired, revoked). */
  follow(tx: Tx, event: EventEnvelope): Promise<boolean> {
    return followReplica(tx, CertificateRecord, event);
  }

  /** Whether the producer holds a 3★–5★ certificate valid at `at`. */
  async holdsValid(tx: Tx, producerId: string, at: Date): Promise<boolean> {
    const n = await tx
      .createQueryBuilder(CertificateRecord, 'c')
      .where(
        `c.producer_id = :producerId AND c.status IN ('ACTIVE','EXPIRING') AND c.stars >= 3 AND c.valid_from <= :at AND c.valid_to > :at`,
        {
          producerId,
          at,
        },
      )
      .getCount();
    return n > 0;
  }
}
