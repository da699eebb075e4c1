import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { ReevaluationInvitation, type ReevaluationInvitationStatus } from './reevaluation-invitation.entity';
import type { ReadScope } from '@ocop/auth';

export interface InvitationListFilter {
  status?: string;
  limit?: number;
  offset?: number;
}

@Injectable()
export class ReevaluationInvitationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts unless the certificate already has an invitation; true when this call inserted it. */
  async insertIfAbsent(tx: Tx, inv: ReevaluationInvitation): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(ReevaluationInvitation).values(inv).orIgnore().returning('id').execute();
    return (res.raw as unknown[]).length > 0;
  }

  /** The certificate's invitation, locked for update inside the caller's transaction. */
  getByCertificateForUpdate(tx: Tx, certificateId: string): Promise<ReevaluationInvitation | null> {
    return tx
      .getRepository(ReevaluationInvitation)
      .createQueryBuilder('i')
      .where('i.certificate_id = :certificateId', { certificateId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The product's invitations in a status, locked for update. */
  ofProductForUpdate(tx: Tx, productId: string, status: ReevaluationInvitationStatus): Promise<ReevaluationInvitation[]> {
    return tx
      .getRepository(ReevaluationInvitation)
      .createQueryBuilder('i')
      .where('i.product_id = :productId AND i.status = :status', { productId, status })
      .orderBy('i.opened_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  save(tx: Tx, inv: ReevaluationInvitation): Promise<ReevaluationInvitation> {
    return tx.save(ReevaluationInvitation, inv);
  }

  /** Inside the scope, the certificate ending soonest first. */
  list(scope: ReadScope, f: InvitationListFilter): Promise<ReevaluationInvitation[]> {
    const q = this.ds
      .getRepository(ReevaluationInvitation)
      .createQueryBuilder('i')
      .orderBy('i.valid_to', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0);
    switch (scope.kind) {
      case 'province':
        q.andWhere('i.province_code = :pc', { pc: scope.provinceCode });
        break;
      case 'district':
        q.andWhere('i.district_code = :dc', { dc: scope.districtCode });
        break;
      case 'commune':
        q.andWhere('i.commune_code = :cc', { cc: scope.communeCode });
        break;
      case 'producer':
        q.andWhere('i.producer_id = :pid', { pid: scope.producerId });
        break;
      case 'all':
        break;
    }
    if (f.status) q.andWhere('i.status = :st', { st: f.status });
    return q.getMany();
  }
}
