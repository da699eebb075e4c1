import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  RegistrationSubjects,
  Role,
  ScoringEvents,
  type Actor,
  type UnitView,
  type CouncilView,
  type CreateCouncilCommand,
  type DeclareConflictCommand,
  type ListCouncilsQuery,
} from '@ocop/contracts';
import { formatPoints, parsePoints } from '@ocop/domain';
import { EventOutbox, RpcClient, UserDirectory } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { Council } from './council.entity';
import { CouncilMember, VOTING_ROLES } from './council-member.entity';
import { MemberConflict } from './member-conflict.entity';
import { assertManages, canReadUnit } from '../access/access';

const UNIT_PATTERN: Record<string, RegExp> = { DISTRICT: /^\d{3}$/, PROVINCE: /^\d{2}$/, CENTRAL: /^VN$/ };

export interface CouncilWithMembers {
  council: Council;
  members: CouncilMember[];
  conflicts: MemberConflict[];
}

@Injectable()
export class CouncilsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly users: UserDirectory,
    private readonly rpc: RpcClient,
  ) {}

  /** The province a district or province council belongs to, from registration's units (unknown units refused). */
  private async provinceOf(actor: Actor, tier: string, unitCode: string): Promise<string> {
    const level = tier === 'DISTRICT' ? 'DISTRICT' : 'PROVINCE';
    const units = await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level }, { actor });
    const unit = units.find((u) => u.code === unitCode);
    if (!unit)
      throw AppError.rule('COUNCIL_UNIT_UNKNOWN', `no ${level.toLowerCase()} ${unitCode} among the administrative units`, 'unitCode');
    return unit.provinceCode;
  }

  async create(actor: Actor, c: CreateCouncilCommand): Promise<CouncilView> {
    if (!UNIT_PATTERN[c.tier]!.test(c.unitCode)) {
      throw AppError.validation(
        'COUNCIL_UNIT_INVALID',
        `a ${c.tier} council needs ${c.tier === 'CENTRAL' ? 'unitCode VN' : c.tier === 'PROVINCE' ? 'a 2-digit province code' : 'a 3-digit district code'}`,
        'unitCode',
      );
    }
    const provinceCode = c.tier === 'CENTRAL' ? 'VN' : await this.provinceOf(actor, c.tier, c.unitCode);
    assertManages(actor, { tier: c.tier, unitCode: c.unitCode, provinceCode }, 'councils');
    const seen = new Set<string>();
    c.members.forEach((m, i) => {
      if (seen.has(m.userId))
        throw AppError.validation('COUNCIL_MEMBER_DUPLICATE', 'a user can sit on a council once', `members.${i}.userId`);
      seen.add(m.userId);
    });
    for (const role of ['CHAIR', 'SECRETARY']) {
      const n = c.members.filter((m) => m.role === role).length;
      if (n !== 1)
        throw AppError.validation(`COUNCIL_${role}_COUNT`, `a council has exactly one ${role.toLowerCase()}, got ${n}`, 'members');
    }
    const voting = c.members.filter((m) => VOTING_ROLES.has(m.role)).length;
    if (c.quorum > voting)
      throw AppError.validation('COUNCIL_QUORUM_TOO_HIGH', `quorum ${c.quorum} exceeds the ${voting} scoring members`, 'quorum');
    // Every seat is a council member's account of the council's province (the ministry's council: national or any province's experts).
    await this.users.require(
      actor,
      c.members.map((m, i) => ({
        userId: m.userId,
        field: `members.${i}.userId`,
        roles: [Role.COUNCIL_MEMBER],
        ...(c.tier === 'CENTRAL' ? {} : { provinceCode, national: false }),
      })),
    );
    const spreadLimit = parsePoints(c.spreadLimit ?? '10');
    const council = Object.assign(new Council(), {
      id: randomUUID(),
      name: c.name,
      tier: c.tier,
      unitCode: c.unitCode,
      provinceCode,
      authorityName: c.authorityName,
      placeName: c.placeName,
      quorum: c.quorum,
      chairRequired: c.chairRequired ?? true,
      spreadLimit,
      createdBy: actor.id,
    });
    const members = c.members.map((m, i) =>
      Object.assign(new CouncilMember(), {
        id: randomUUID(),
        councilId: council.id,
        userId: m.userId,
        fullName: m.fullName,
        agency: m.agency,
        role: m.role,
        position: i + 1,
      }),
    );
    await this.ds.transaction(async (tx) => {
      await tx.insert(Council, council);
      await tx.insert(CouncilMember, members);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'council.create',
        entityType: 'council',
        entityId: council.id,
        details: {
          name: c.name,
          tier: c.tier,
          unitCode: c.unitCode,
          quorum: c.quorum,
          members: members.map((m) => ({ id: m.id, userId: m.userId, role: m.role })),
        },
        correlationId: currentContext()?.correlationId,
      });
      await this.outbox.enqueue(tx, ScoringEvents.councilCreated, council.id, {
        councilId: council.id,
        name: council.name,
        tier: council.tier,
        unitCode: council.unitCode,
        provinceCode,
        memberCount: members.length,
      });
    });
    return this.view(await this.load(council.id));
  }

  async declareConflict(actor: Actor, c: DeclareConflictCommand): Promise<CouncilView> {
    const loaded = await this.load(c.councilId);
    assertManages(actor, loaded.council, 'councils');
    if (!loaded.members.some((m) => m.id === c.memberId))
      throw AppError.validation('COUNCIL_MEMBER_UNKNOWN', 'no such member of this council', 'memberId');
    await this.ds.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(MemberConflict)
        .values({ memberId: c.memberId, producerId: c.producerId, reason: c.reason, declaredBy: actor.id })
        .orUpdate(['reason'], ['member_id', 'producer_id'])
        .execute();
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'council.declare-conflict',
        entityType: 'council',
        entityId: c.councilId,
        details: { memberId: c.memberId, producerId: c.producerId, reason: c.reason },
        correlationId: currentContext()?.correlationId,
      });
    });
    return this.view(await this.load(c.councilId));
  }

  async get(actor: Actor, id: string): Promise<CouncilView> {
    const loaded = await this.load(id);
    if (!canReadUnit(actor, loaded.council) && !loaded.members.some((m) => m.userId === actor.id))
      throw AppError.notFound('COUNCIL_NOT_FOUND', 'no such council');
    return this.view(loaded);
  }

  async list(actor: Actor, q: ListCouncilsQuery): Promise<CouncilView[]> {
    const offset = q.offset ?? DEFAULT_PAGE.offset;
    const page = (await this.readable(actor, q)).slice(offset, offset + (q.limit ?? DEFAULT_PAGE.limit));
    return Promise.all(page.map(async (c) => this.view(await this.load(c.id))));
  }

  /**
   * The councils the actor may read (those of its units, and those it sits on; a council member only those it sits on),
   * newest first. A province has one council per tier and unit, so they are few: filtered here, then paged, so a page
   * never comes out short.
   */
  async readable(actor: Actor, q: { tier?: string; unitCode?: string } = {}): Promise<Council[]> {
    const where: Record<string, unknown> = {};
    if (q.tier) where.tier = q.tier;
    if (q.unitCode) where.unitCode = q.unitCode;
    const memberOf = new Set((await this.ds.getRepository(CouncilMember).findBy({ userId: actor.id })).map((m) => m.councilId));
    if (actor.role === Role.COUNCIL_MEMBER) where.id = In([...memberOf]);
    const councils = await this.ds.getRepository(Council).find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
    return councils.filter((c) => canReadUnit(actor, c) || memberOf.has(c.id));
  }

  /** The council with its members (in order) and their declared conflicts; 404 when unknown. */
  async load(id: string, tx?: Tx): Promise<CouncilWithMembers> {
    const m = tx ?? this.ds.manager;
    const council = await m.findOneBy(Council, { id });
    if (!council) throw AppError.notFound('COUNCIL_NOT_FOUND', 'no such council');
    const members = await m.find(CouncilMember, { where: { councilId: id }, order: { position: 'ASC' } });
    const conflicts = members.length ? await m.findBy(MemberConflict, { memberId: In(members.map((x) => x.id)) }) : [];
    return { council, members, conflicts };
  }

  view({ council, members, conflicts }: CouncilWithMembers): CouncilView {
    return {
      id: council.id,
      name: council.name,
      tier: council.tier,
      unitCode: council.unitCode,
      provinceCode: council.provinceCode,
      authorityName: council.authorityName,
      placeName: council.placeName,
      quorum: council.quorum,
      chairRequired: council.chairRequired,
      spreadLimit: formatPoints(council.spreadLimit),
      createdAt: council.createdAt.toISOString(),
      members: members.map((m) => ({
        id: m.id,
        userId: m.userId,
        fullName: m.fullName,
        agency: m.agency,
        role: m.role,
        voting: VOTING_ROLES.has(m.role),
        conflicts: conflicts
          .filter((x) => x.memberId === m.id)
          .map((x) => ({ producerId: x.producerId, reason: x.reason, declaredAt: x.declaredAt.toISOString() })),
      })),
    };
  }
}
