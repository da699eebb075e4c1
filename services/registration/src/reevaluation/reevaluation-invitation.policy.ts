import { Role } from '@ocop/contracts';

/** Who may list invitations: the producer and the offices, each in its own scope. */
export const INVITATION_READERS: readonly Role[] = [
  Role.PRODUCER,
  Role.COMMUNE_OFFICER,
  Role.DISTRICT_OFFICER,
  Role.PROVINCE_OFFICE,
  Role.ADMIN,
];
