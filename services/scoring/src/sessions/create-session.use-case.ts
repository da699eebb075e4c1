import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CreateSessionCommand, type SessionView } from '@ocop/contracts';
import { cycleYear } from '@ocop/domain';
import { Session } from './session.entity';
import { SessionState } from './session-state.policy';
import { SessionsRepository } from './sessions.repository';
import { GetSessionQuery } from './get-session.query';
import { assertOrganiser, assertTierActs } from './session.policy';
import { auditSessionChange } from './session.audit';
import { sessionSchedule } from './written-consultation.policy';
import { CouncilsRepository } from '../councils/councils.repository';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/**
 * The council's organisers open a session — a meeting, or a written consultation with the deadline of its sheets; its
 * reference (BB-<unit>-<year>-<n>) numbers the unit's sessions of the cycle year.
 */
@Injectable()
export class CreateSessionUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly councils: CouncilsRepository,
    private readonly sessions: SessionsRepository,
    private readonly getSession: GetSessionQuery,
  ) {}

  async execute(actor: Actor, c: CreateSessionCommand, asOf: Date): Promise<SessionView> {
    const council = await this.councils.get(POLICY_CHECKED, c.councilId);
    if (!council) throw AppError.notFound('COUNCIL_NOT_FOUND', 'no such council');
    assertOrganiser(actor, new SessionState({ presentMemberIds: [] } as unknown as Session, council));
    assertTierActs(council.council.tier, asOf);
    const { mode, sheetsDueAt } = sessionSchedule(c, asOf);
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      const year = cycleYear(asOf);
      const n = await this.sessions.nextReferenceNumber(tx, `${council.council.unitCode}-${year}`);
      const reference = `BB-${council.council.unitCode}-${year}-${String(n).padStart(4, '0')}`;
      await this.sessions.insert(
        tx,
        Object.assign(new Session(), {
          id,
          councilId: council.council.id,
          reference,
          title: c.title,
          location: c.location ?? null,
          scheduledFor: new Date(c.scheduledFor),
          status: 'OPEN',
          mode,
          sheetsDueAt,
          sheetsEscalatedAt: null,
          presentMemberIds: [],
          minutes: null,
          closedAt: null,
          closedBy: null,
          createdBy: actor.id,
        }),
      );
      await auditSessionChange(tx, actor, 'session.create', 'session', id, {
        councilId: c.councilId,
        reference,
        title: c.title,
        mode,
        sheetsDueAt: sheetsDueAt?.toISOString() ?? null,
      });
    });
    return this.getSession.execute(actor, id);
  }
}
