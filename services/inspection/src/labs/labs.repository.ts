import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Lab } from './lab.entity';
import { LabCredential } from './lab-credential.entity';
import { labRow, type LabRow } from './lab.view';

/**
 * Who reads the lab register: it is national (any province's office sends samples to any accredited lab), so
 * staff read all of it; a lab user reads its own entry only.
 */
export type LabRegisterScope = { kind: 'register' } | { kind: 'lab'; labCode: string };

/** The whole register: what staff (the office requesting a sample, an admin issuing a credential) read. */
export const WHOLE_REGISTER: LabRegisterScope = { kind: 'register' };

@Injectable()
export class LabsRepository {
  constructor(private readonly ds: DataSource) {}

  async codeTaken(tx: Tx, code: string): Promise<boolean> {
    return tx.exists(Lab, { where: { code } });
  }

  async insert(tx: Tx, lab: Omit<Lab, 'createdAt'> & { createdAt?: Date }): Promise<void> {
    await tx.insert(Lab, lab);
  }

  /** Serialises replicas seeding an empty register at the same start (until the transaction ends). */
  async lockRegister(tx: Tx): Promise<void> {
    await tx.query('LOCK TABLE inspection.lab IN SHARE ROW EXCLUSIVE MODE');
  }

  async isEmpty(tx: Tx): Promise<boolean> {
    return !(await tx.exists(Lab, {}));
  }

  async list(scope: LabRegisterScope): Promise<LabRow[]> {
    const labs =
      scope.kind === 'lab'
        ? await this.ds.manager.find(Lab, { where: { code: scope.labCode } })
        : await this.ds.manager.find(Lab, { order: { code: 'ASC' } });
    return labs.map(labRow);
  }

  /** A lab of the register, by id; null when unknown or not the reader's own lab. */
  async get(scope: LabRegisterScope, id: string, tx?: Tx): Promise<LabRow | null> {
    const l = await (tx ?? this.ds.manager).findOneBy(Lab, { id });
    return l && (scope.kind === 'register' || l.code === scope.labCode) ? labRow(l) : null;
  }

  async insertCredential(tx: Tx, c: Omit<LabCredential, 'revokedAt' | 'lab'>): Promise<void> {
    await tx.insert(LabCredential, c);
  }

  /** Revokes the credential if it is the lab's and still active; whether it did. */
  async revokeCredential(tx: Tx, labId: string, credentialId: string, at: Date): Promise<boolean> {
    const r = await tx.update(LabCredential, { id: credentialId, labId, revokedAt: IsNull() }, { revokedAt: at });
    return (r.affected ?? 0) > 0;
  }

  /** The lab whose active credential this is, if its code is `labCode`. */
  async labOfActiveCredential(credentialId: string | null, labCode: string): Promise<LabRow | null> {
    const l = await this.ds.manager
      .createQueryBuilder(Lab, 'l')
      .innerJoin(LabCredential, 'k', 'k.lab_id = l.id')
      .where('k.id = :credentialId AND k.revoked_at IS NULL AND l.code = :labCode', { credentialId, labCode })
      .getOne();
    return l ? labRow(l) : null;
  }
}
