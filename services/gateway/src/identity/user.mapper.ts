import type { Actor, Role } from '@ocop/contracts';
import type { User } from './user.entity';
import type { UserView } from './user.dto';

export const userView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  provinceCode: u.provinceCode,
  districtCode: u.districtCode,
  communeCode: u.communeCode,
  agencyCode: u.agencyCode,
  producerId: u.producerId,
  consultantId: u.consultantId,
  active: u.active,
});

/** The actor a user acts as: what the token carries and the services see. */
export const actorOf = (u: User): Actor => ({
  id: u.id,
  username: u.username,
  role: u.role as Role,
  scope: {
    provinceCode: u.provinceCode,
    districtCode: u.districtCode,
    communeCode: u.communeCode,
    agencyCode: u.agencyCode,
    producerId: u.producerId,
    consultantId: u.consultantId,
  },
});
