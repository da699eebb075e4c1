import type { NominationData, NominationView } from '@ocop/contracts';
import type { CouncilNomination } from './nomination.entity';

export function nominationView(n: CouncilNomination): NominationView {
  return {
    id: n.id,
    agencyCode: n.agencyCode,
    tier: n.tier,
    unitCode: n.unitCode,
    provinceCode: n.provinceCode,
    userId: n.userId,
    fullName: n.fullName,
    agency: n.agency,
    role: n.role,
    note: n.note,
    status: n.status,
    nominatedAt: n.nominatedAt.toISOString(),
    decidedAt: n.decidedAt ? n.decidedAt.toISOString() : null,
    reason: n.reason,
    councilId: n.councilId,
  };
}

export function nominationEventData(n: CouncilNomination): NominationData {
  return {
    nominationId: n.id,
    agencyCode: n.agencyCode,
    tier: n.tier,
    unitCode: n.unitCode,
    provinceCode: n.provinceCode,
    userId: n.userId,
    fullName: n.fullName,
    role: n.role,
    status: n.status,
    reason: n.reason,
    councilId: n.councilId,
  };
}
