import { AppError, type Actor, type QuorumView, type SpreadView } from '@ocop/contracts';
import { formatPoints, spreadOf } from '@ocop/domain';
import { VOTING_ROLES, type CouncilMember } from '../councils/council-member.entity';
import type { CouncilWithMembers } from '../councils/councils.repository';
import type { Session } from './session.entity';

/** Present scoring members, quorum and conflicts of one session: the facts every session rule reads. */
export class SessionState {
  readonly presentVoting: CouncilMember[];
  /**
   * The members who score: at a meeting the present scoring members; in a written consultation every scoring member
   * (there is no attendance; see written-consultation.policy.ts).
   */
  readonly scoringMembers: CouncilMember[];

  constructor(
    readonly session: Session,
    readonly council: CouncilWithMembers,
  ) {
    const present = new Set(session.presentMemberIds);
    this.presentVoting = council.members.filter((m) => VOTING_ROLES.has(m.role) && present.has(m.id));
    this.scoringMembers = session.mode === 'WRITTEN' ? council.members.filter((m) => VOTING_ROLES.has(m.role)) : this.presentVoting;
  }

  /** A meeting's quorum on the present scoring members. A written consultation counts sheets received instead (`quorumOf`). */
  quorum(): QuorumView {
    return this.quorumOf(this.presentVoting);
  }

  /** The council's rule applied to the members counted: at least `quorum` of them, the chair among them when required. */
  quorumOf(counted: CouncilMember[]): QuorumView {
    const c = this.council.council;
    const chairPresent = counted.some((m) => m.role === 'CHAIR');
    const present = counted.length;
    return {
      required: c.quorum,
      present,
      chairRequired: c.chairRequired,
      chairPresent,
      met: present >= c.quorum && (chairPresent || !c.chairRequired),
    };
  }

  /** Members linked to the producer: they neither score nor count for this dossier. */
  conflicted(producerId: string): CouncilMember[] {
    const ids = new Set(this.council.conflicts.filter((x) => x.producerId === producerId).map((x) => x.memberId));
    return this.council.members.filter((m) => ids.has(m.id));
  }

  /** Scoring members (present ones, at a meeting) without a conflict with the producer: each owes one sheet. */
  eligible(producerId: string): CouncilMember[] {
    const excluded = new Set(this.conflicted(producerId).map((m) => m.id));
    return this.scoringMembers.filter((m) => !excluded.has(m.id));
  }

  secretary(): CouncilMember | undefined {
    return this.council.members.find((m) => m.role === 'SECRETARY');
  }

  memberOf(actor: Actor): CouncilMember | undefined {
    return this.council.members.find((m) => m.userId === actor.id);
  }

  assertOpen(): void {
    if (this.session.status !== 'OPEN') throw AppError.conflict('SESSION_CLOSED', `session ${this.session.reference} is closed`);
  }

  spread(totals: number[]): SpreadView | null {
    if (totals.length < 2) return null;
    const s = spreadOf(totals, this.council.council.spreadLimit);
    return { min: formatPoints(s.minTotal), max: formatPoints(s.maxTotal), difference: formatPoints(s.difference), exceeded: s.exceeded };
  }
}
