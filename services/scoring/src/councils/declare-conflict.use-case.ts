import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CouncilView, type DeclareConflictCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { CouncilsRepository } from './councils.repository';
import { councilView } from './council.view';
import { assertManages } from '../access/access.policy';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/** The council's office records that a member is linked to a producer: the member neither scores nor counts for its dossiers. */
@Injectable()
export class DeclareConflictUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly councils: CouncilsRepository,
  ) {}

  async execute(actor: Actor, c: DeclareConflictCommand): Promise<CouncilView> {
    const loaded = await this.councils.get(POLICY_CHECKED, c.councilId);
    if (!loaded) throw AppError.notFound('COUNCIL_NOT_FOUND', 'no such council');
    assertManages(actor, loaded.council, 'councils');
    if (!loaded.members.some((m) => m.id === c.memberId))
      throw AppError.validation('COUNCIL_MEMBER_UNKNOWN', 'no such member of this council', 'memberId');
    await this.ds.transaction(async (tx) => {
      await this.councils.upsertConflict(tx, { memberId: c.memberId, producerId: c.producerId, reason: c.reason, declaredBy: actor.id });
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
    return councilView((await this.councils.get(POLICY_CHECKED, c.councilId))!);
  }
}
