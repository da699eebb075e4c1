import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Role } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Council } from './council.entity';
import { CouncilMember } from './council-member.entity';
import { MemberConflict } from './member-conflict.entity';
import { canReadUnit } from '../access/access.policy';
import type { ScoringScope } from '../access/scoring-scope.policy';

export interface CouncilWithMembers {
  council: Council;
  members: CouncilMember[];
  conflicts: MemberConflict[];
}

export interface CouncilFilter {
  tier?: string;
  unitCode?: string;
}

@Injectable()
export class CouncilsRepository {
  /**
   * Councils and their members as stored: both are only ever inserted (a changed council is a new council), so a row
   * read once never goes stale, in this process or another. Every sheet, agenda and close reads its session's council;
   * the cache spares two of its three queries (conflicts are declared at any time and are always read). A province has
   * a few dozen councils a year.
   */
  private readonly stored = new Map<string, { council: Council; members: CouncilMember[] }>();

  constructor(private readonly ds: DataSource) {}

  /**
   * The council with its members (in order) and their declared conflicts; null when unknown or, for a reader, when it
   * is neither a council of the reader's units nor one it sits on.
   */
  async get(scope: ScoringScope, id: string, tx?: Tx): Promise<CouncilWithMembers | null> {
    const m = tx ?? this.ds.manager;
    let stored = this.stored.get(id);
    if (!stored) {
      const council = await m.findOneBy(Council, { id });
      if (!council) return null;
      stored = { council, members: await m.find(CouncilMember, { where: { councilId: id }, order: { position: 'ASC' } }) };
      this.stored.set(id, stored);
    }
    const { council, members } = stored;
    if (scope.kind === 'reader' && !canReadUnit(scope.actor, council) && !members.some((x) => x.userId === scope.actor.id)) return null;
    const conflicts = members.length ? await m.findBy(MemberConflict, { memberId: In(members.map((x) => x.id)) }) : [];
    return { council, members, conflicts };
  }

  /**
   * The councils in scope (a reader: those of its units, and those it sits on; a council member only those it sits on),
   * newest first. A province has one council per tier and unit, so they are few: filtered here, not paged.
   */
  async list(scope: ScoringScope, f: CouncilFilter = {}): Promise<Council[]> {
    const where: Record<string, unknown> = {};
    if (f.tier) where.tier = f.tier;
    if (f.unitCode) where.unitCode = f.unitCode;
    if (scope.kind !== 'reader') return this.ds.getRepository(Council).find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
    const actor = scope.actor;
    const memberOf = new Set((await this.ds.getRepository(CouncilMember).findBy({ userId: actor.id })).map((m) => m.councilId));
    if (actor.role === Role.COUNCIL_MEMBER) where.id = In([...memberOf]);
    const councils = await this.ds.getRepository(Council).find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
    return councils.filter((c) => canReadUnit(actor, c) || memberOf.has(c.id));
  }

  async insert(tx: Tx, council: Council, members: CouncilMember[]): Promise<void> {
    await tx.insert(Council, council);
    await tx.insert(CouncilMember, members);
  }

  /** Declares (or re-words) a member's link to a producer. */
  async upsertConflict(tx: Tx, c: Pick<MemberConflict, 'memberId' | 'producerId' | 'reason' | 'declaredBy'>): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(MemberConflict)
      .values({ memberId: c.memberId, producerId: c.producerId, reason: c.reason, declaredBy: c.declaredBy })
      .orUpdate(['reason'], ['member_id', 'producer_id'])
      .execute();
  }
}
