import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Producer } from '../producers/producer.entity';
import { Consultant, ConsultantGrant } from './consultant.entity';

export interface GrantRow extends ConsultantGrant {
  consultantName: string;
  producerName: string;
}

@Injectable()
export class ConsultantsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, c: Consultant): Promise<void> {
    await tx.insert(Consultant, c);
  }

  get(id: string, tx?: Tx): Promise<Consultant | null> {
    return (tx ?? this.ds.manager).findOneBy(Consultant, { id });
  }

  /** A province's consultants by name (every province's when `provinceCode` is absent: a national admin). */
  list(f: { provinceCode?: string; limit: number; offset: number }): Promise<Consultant[]> {
    const q = this.ds.getRepository(Consultant).createQueryBuilder('c').orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC');
    if (f.provinceCode) q.where('c.province_code = :p', { p: f.provinceCode });
    return q.limit(f.limit).offset(f.offset).getMany();
  }

  /** Inserts the grant unless one is in force for the pair already; the one in force either way. */
  async grant(tx: Tx, g: ConsultantGrant): Promise<ConsultantGrant> {
    await tx.createQueryBuilder().insert().into(ConsultantGrant).values(g).orIgnore().execute();
    return (await this.activeGrant(g.consultantId, g.producerId, tx))!;
  }

  grantForUpdate(tx: Tx, id: string): Promise<ConsultantGrant | null> {
    return tx.getRepository(ConsultantGrant).createQueryBuilder('g').where('g.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  saveGrant(tx: Tx, g: ConsultantGrant): Promise<ConsultantGrant> {
    return tx.save(ConsultantGrant, g);
  }

  activeGrant(consultantId: string, producerId: string, tx?: Tx): Promise<ConsultantGrant | null> {
    return (tx ?? this.ds.manager)
      .getRepository(ConsultantGrant)
      .createQueryBuilder('g')
      .where('g.consultant_id = :consultantId AND g.producer_id = :producerId AND g.revoked_at IS NULL', { consultantId, producerId })
      .getOne();
  }

  /** Grants with the consultant's and the producer's names, newest first, filtered by whichever side is given. */
  async grants(f: {
    consultantId?: string;
    producerId?: string;
    provinceCode?: string;
    active?: boolean;
    ids?: string[];
    limit: number;
    offset: number;
  }): Promise<GrantRow[]> {
    const q = this.ds
      .getRepository(ConsultantGrant)
      .createQueryBuilder('g')
      .innerJoin(Consultant, 'c', 'c.id = g.consultant_id')
      .innerJoin(Producer, 'p', 'p.id = g.producer_id')
      .select('g')
      .addSelect('c.name', 'consultant_name')
      .addSelect('p.name', 'producer_name')
      .orderBy('g.granted_at', 'DESC')
      .addOrderBy('g.id', 'ASC');
    if (f.consultantId) q.andWhere('g.consultant_id = :consultantId', { consultantId: f.consultantId });
    if (f.producerId) q.andWhere('g.producer_id = :producerId', { producerId: f.producerId });
    if (f.provinceCode) q.andWhere('c.province_code = :provinceCode', { provinceCode: f.provinceCode });
    if (f.ids) q.andWhere('g.id = ANY(:ids)', { ids: f.ids });
    if (f.active === true) q.andWhere('g.revoked_at IS NULL');
    if (f.active === false) q.andWhere('g.revoked_at IS NOT NULL');
    const { entities, raw } = await q
      .limit(f.limit)
      .offset(f.offset)
      .getRawAndEntities<{ consultant_name: string; producer_name: string }>();
    return entities.map((g, i) => ({ ...g, consultantName: raw[i]!.consultant_name, producerName: raw[i]!.producer_name }));
  }
}
