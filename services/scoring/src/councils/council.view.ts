import type { CouncilView } from '@ocop/contracts';
import { formatPoints } from '@ocop/domain';
import { VOTING_ROLES } from './council-member.entity';
import type { CouncilWithMembers } from './councils.repository';

export function councilView({ council, members, conflicts }: CouncilWithMembers): CouncilView {
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
