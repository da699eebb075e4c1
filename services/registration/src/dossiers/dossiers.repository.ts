import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '@ocop/contracts';
import { DossierStatus, isTerminalDossierStatus } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { Dossier } from './dossier.entity';
import { DossierDocument } from './dossier-document.entity';
import { inScope, type ReadScope } from '@ocop/auth';

export interface DossierListFilter {
  status?: string;
  proposedTo?: string;
  communeCode?: string;
  districtCode?: string;
  cycleYear?: number;
  limit?: number;
  offset?: number;
}

const TERMINAL = Object.values(DossierStatus).filter(isTerminalDossierStatus);

@Injectable()
export class DossiersRepository {
  constructor(private readonly ds: DataSource) {}

  /** The dossier, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: ReadScope, id: string, tx?: Tx): Promise<Dossier | null> {
    const d = await (tx ?? this.ds.manager).findOneBy(Dossier, { id });
    return d && inScope(scope, d) ? d : null;
  }

  /** The dossier whatever its place, for the platform's own work (event consumers); null when unknown. */
  getForSystem(id: string, tx?: Tx): Promise<Dossier | null> {
    return (tx ?? this.ds.manager).findOneBy(Dossier, { id });
  }

  /** Same, locked for update inside the caller's transaction. */
  async getForUpdate(tx: Tx, scope: ReadScope, id: string): Promise<Dossier> {
    const d = await tx.getRepository(Dossier).createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!d || !inScope(scope, d)) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    return d;
  }

  async list(scope: ReadScope, f: DossierListFilter): Promise<Dossier[]> {
    const q = this.ds
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .orderBy('d.created_at', 'DESC')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0);
    switch (scope.kind) {
      case 'province':
        q.andWhere('d.province_code = :pc', { pc: scope.provinceCode });
        break;
      case 'district':
        q.andWhere('(d.district_code = :dc OR d.proposed_to_unit_code = :dc)', { dc: scope.districtCode });
        break;
      case 'commune':
        q.andWhere('d.commune_code = :cc', { cc: scope.communeCode });
        break;
      case 'producer':
        q.andWhere('d.producer_id = :pid', { pid: scope.producerId });
        break;
      case 'all':
        break;
    }
    if (f.status) q.andWhere('d.status = :st', { st: f.status });
    if (f.proposedTo) q.andWhere('d.proposed_to_unit_code = :pt', { pt: f.proposedTo });
    if (f.communeCode) q.andWhere('d.commune_code = :fc', { fc: f.communeCode });
    if (f.districtCode) q.andWhere('d.district_code = :fd', { fd: f.districtCode });
    if (f.cycleYear) q.andWhere('d.cycle_year = :cy', { cy: f.cycleYear });
    return q.getMany();
  }

  /** The newest dossier of this kind for the product, created after `createdAfter` and not yet finished (the platform's own read). */
  newestActiveOfProductForSystem(tx: Tx, productId: string, kind: string, createdAfter: Date): Promise<Dossier | null> {
    return tx
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.product_id = :productId AND d.kind = :kind AND d.created_at > :createdAfter', { productId, kind, createdAfter })
      .andWhere('d.status NOT IN (:...terminal)', { terminal: TERMINAL })
      .orderBy('d.created_at', 'DESC')
      .getOne();
  }

  /** The next dossier code of the cycle year (HS-<year>-<six digits>), numbered by the schema's sequence. */
  async nextCode(tx: Tx, year: number): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('registration.dossier_code_seq') AS n`);
    return `HS-${year}-${String(n).padStart(6, '0')}`;
  }

  async insert(tx: Tx, d: Dossier): Promise<void> {
    await tx.save(Dossier, d);
  }

  async save(tx: Tx, d: Dossier): Promise<Dossier> {
    return tx.save(Dossier, d);
  }

  /** The documents of a dossier the caller has already read inside its scope. */
  documents(dossierId: string, tx?: Tx): Promise<DossierDocument[]> {
    return (tx ?? this.ds.manager).find(DossierDocument, { where: { dossierId }, order: { uploadedAt: 'ASC' } });
  }

  async insertDocument(tx: Tx, doc: DossierDocument): Promise<void> {
    await tx.insert(DossierDocument, doc);
  }
}
