import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  ScoringEvents,
  type Actor,
  type ListNominationsQuery,
  type NominateMemberCommand,
  type NominationView,
  type RejectNominationCommand,
} from '@ocop/contracts';
import { UserDirectory } from '@ocop/messaging';
import { spansAllProvinces } from '@ocop/auth';
import { now } from '@ocop/observability';
import { CouncilUnits } from '../councils/council-units';
import { assertManages } from '../access/access.policy';
import { CouncilNomination } from './nomination.entity';
import { NominationsRepository } from './nominations.repository';
import { NominationsWorkflow } from './nominations.workflow';
import { nominationView } from './nomination.view';

const notFound = () => AppError.notFound('NOMINATION_NOT_FOUND', 'no such nomination');

/**
 * An agency officer nominates one of its experts (a council-member account of the unit's province; the ministry's
 * council: national or any province's) for a seat on a unit's council of its province; one live nomination per unit and user.
 */
@Injectable()
export class NominateMemberUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly units: CouncilUnits,
    private readonly users: UserDirectory,
    private readonly nominations: NominationsRepository,
    private readonly workflow: NominationsWorkflow,
  ) {}

  async execute(actor: Actor, c: NominateMemberCommand): Promise<NominationView> {
    const agencyCode = actor.scope.agencyCode;
    if (!agencyCode) throw AppError.forbidden('SCOPE_MISSING', 'this agency officer has no agency');
    const provinceCode = await this.units.provinceOf(actor, c.tier, c.unitCode);
    if (c.tier !== 'CENTRAL' && provinceCode !== actor.scope.provinceCode)
      throw AppError.forbidden(
        'SCOPE_FORBIDDEN',
        `agency ${agencyCode} of ${actor.scope.provinceCode} may not nominate to ${c.tier} ${c.unitCode}`,
      );
    await this.users.require(actor, [
      {
        userId: c.userId,
        field: 'userId',
        roles: [Role.COUNCIL_MEMBER],
        ...(c.tier === 'CENTRAL' ? {} : { provinceCode, national: false }),
      },
    ]);
    const n = Object.assign(new CouncilNomination(), {
      id: randomUUID(),
      agencyCode,
      tier: c.tier,
      unitCode: c.unitCode,
      provinceCode,
      userId: c.userId,
      fullName: c.fullName,
      agency: c.agency,
      role: c.role,
      note: c.note ?? null,
      status: 'PENDING' as const,
      nominatedBy: actor.id,
      nominatedAt: now(),
      decidedBy: null,
      decidedAt: null,
      reason: null,
      councilId: null,
    });
    return this.ds.transaction(async (tx) => {
      if (!(await this.nominations.insertIfNoLive(tx, n)))
        throw AppError.conflict('NOMINATION_EXISTS', `${c.fullName} is already nominated for the ${c.tier} council of ${c.unitCode}`);
      await this.workflow.record(tx, actor, n, 'create', ScoringEvents.memberNominated);
      return nominationView(n);
    });
  }
}

/** The unit's office accepts a pending nomination (the nominee may then be seated) or rejects it with a reason. */
@Injectable()
export class DecideNominationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly nominations: NominationsRepository,
    private readonly workflow: NominationsWorkflow,
  ) {}

  accept(actor: Actor, nominationId: string): Promise<NominationView> {
    return this.decide(actor, nominationId, 'ACCEPTED', null);
  }

  reject(actor: Actor, c: RejectNominationCommand): Promise<NominationView> {
    return this.decide(actor, c.nominationId, 'REJECTED', c.reason);
  }

  private decide(actor: Actor, id: string, status: 'ACCEPTED' | 'REJECTED', reason: string | null): Promise<NominationView> {
    return this.ds.transaction(async (tx) => {
      const n = await this.nominations.getForUpdate(tx, id);
      if (!n) throw notFound();
      assertManages(actor, n, 'nominations');
      if (n.status !== 'PENDING') throw AppError.conflict('NOMINATION_DECIDED', `the nomination is ${n.status} already`);
      Object.assign(n, { status, reason, decidedBy: actor.id, decidedAt: now() });
      await this.workflow.record(tx, actor, n, status === 'ACCEPTED' ? 'accept' : 'reject', ScoringEvents.nominationDecided);
      return nominationView(n);
    });
  }
}

/** An agency officer sees its agency's nominations; an office those of its units. */
@Injectable()
export class ListNominationsUseCase {
  constructor(private readonly nominations: NominationsRepository) {}

  async execute(actor: Actor, q: ListNominationsQuery): Promise<NominationView[]> {
    const f = {
      tier: q.tier,
      unitCode: q.unitCode,
      status: q.status,
      limit: q.limit ?? DEFAULT_PAGE.limit,
      offset: q.offset ?? DEFAULT_PAGE.offset,
    };
    const scope =
      actor.role === Role.AGENCY_OFFICER
        ? { agencyCode: actor.scope.agencyCode ?? '-', provinceCode: actor.scope.provinceCode }
        : actor.role === Role.DISTRICT_OFFICER
          ? { provinceCode: actor.scope.provinceCode, districtCode: actor.scope.districtCode ?? '-' }
          : spansAllProvinces(actor)
            ? {}
            : { provinceCode: actor.scope.provinceCode };
    return (await this.nominations.list({ ...f, ...scope })).map(nominationView);
  }
}
