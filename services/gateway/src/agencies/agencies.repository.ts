import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Agency, AgencyCredential } from './agency.entity';

/** One revocation at a time: each push carries every revoked key, so a push must see the one before it. */
const REVOCATION_LOCK = 'gateway.agency-revocations';

@Injectable()
export class AgenciesRepository {
  constructor(private readonly ds: DataSource) {}

  saveAgency(tx: Tx, agency: Agency): Promise<Agency> {
    return tx.getRepository(Agency).save(agency);
  }

  list(): Promise<Agency[]> {
    return this.ds.getRepository(Agency).find({ order: { code: 'ASC' } });
  }

  findAgency(code: string): Promise<Agency | null> {
    return this.ds.getRepository(Agency).findOneBy({ code });
  }

  credentialsOf(code: string): Promise<AgencyCredential[]> {
    return this.ds.getRepository(AgencyCredential).find({ where: { agencyCode: code }, order: { issuedAt: 'ASC', id: 'ASC' } });
  }

  async insertCredential(tx: Tx, credential: AgencyCredential): Promise<void> {
    await tx.getRepository(AgencyCredential).insert(credential);
  }

  /** Holds the revocation lock until the transaction ends. */
  async lockRevocations(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [REVOCATION_LOCK]);
  }

  findCredential(tx: Tx, code: string, id: string): Promise<AgencyCredential | null> {
    return tx.getRepository(AgencyCredential).findOneBy({ id, agencyCode: code });
  }

  async saveCredential(tx: Tx, credential: AgencyCredential): Promise<void> {
    await tx.getRepository(AgencyCredential).save(credential);
  }

  /** Every revoked user key and its revocation second: the account JWT's revocation list. */
  async revocations(tx: Tx): Promise<Record<string, number>> {
    const rows = await tx.getRepository(AgencyCredential).find({
      select: { userKey: true, revokedEpoch: true },
      where: { revokedEpoch: Not(IsNull()) },
    });
    return Object.fromEntries(rows.map((r) => [r.userKey, Number(r.revokedEpoch)]));
  }
}
