import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, Role, ScoringEvents, type Actor, type CouncilView, type CreateCouncilCommand } from '@ocop/contracts';
import { parsePoints } from '@ocop/domain';
import { EventOutbox, UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { Council } from './council.entity';
import { CouncilMember, VOTING_ROLES } from './council-member.entity';
import { CouncilsRepository } from './councils.repository';
import { councilView } from './council.view';
import { CouncilUnits } from './council-units';
import { NominationsWorkflow } from '../nominations/nominations.workflow';
import { assertManages } from '../access/access.policy';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/** The office of a unit sets up its council: seats (each a council member account of the unit's province), quorum, spread limit. */
@Injectable()
export class CreateCouncilUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly users: UserDirectory,
    private readonly units: CouncilUnits,
    private readonly councils: CouncilsRepository,
    private readonly nominations: NominationsWorkflow,
  ) {}

  async execute(actor: Actor, c: CreateCouncilCommand): Promise<CouncilView> {
    const provinceCode = await this.units.provinceOf(actor, c.tier, c.unitCode);
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
      await this.councils.insert(tx, council, members);
      // Accepted nominees of the unit who take a seat: their nominations are SEATED on this council.
      await this.nominations.seat(
        tx,
        actor,
        council,
        members.map((m) => m.userId),
      );
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
      await this.outbox.enqueueEvent(tx, ScoringEvents.councilCreated, council.id, {
        councilId: council.id,
        name: council.name,
        tier: council.tier,
        unitCode: council.unitCode,
        provinceCode,
        memberCount: members.length,
      });
    });
    return councilView((await this.councils.get(POLICY_CHECKED, council.id))!);
  }
}
