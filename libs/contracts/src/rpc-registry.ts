import { Role } from './actor';
import { ALL_ROLES, deadLetterSubjects, type RpcRegistry, type RpcSpec } from './rpc';
import { IdentitySubjects, ResolveUsersQuery, UsersInUnitQuery } from './identity/identity.dto';
import { RegistrationRpc } from './registration/registration.rpc';
import { ScoringRpc } from './scoring/scoring.rpc';
import { CertificationRpc } from './certification/certification.rpc';
import { InspectionRpc } from './inspection/inspection.rpc';
import { TradePromotionRpc } from './trade-promotion/trade-promotion.rpc';
import { TrainingRpc } from './training/training.rpc';
import { ProgrammeRpc } from './programme/programme.rpc';
import { DeadLetterReplayCommand } from './dead-letter.dto';

/** The services whose dead letters an admin reads and replays. */
export const BUS_SERVICES = ['registration', 'scoring', 'certification', 'inspection', 'trade-promotion', 'training', 'programme'] as const;

const deadLetterRpc = (service: string): RpcRegistry => {
  const s = deadLetterSubjects(service);
  return { [s.list]: { roles: [Role.ADMIN] }, [s.replay]: { request: DeadLetterReplayCommand, roles: [Role.ADMIN] } };
};

/** Every request/reply subject of the platform, what it accepts and who may call it. */
export const RPC_REGISTRY: RpcRegistry = {
  ...RegistrationRpc,
  ...ScoringRpc,
  ...CertificationRpc,
  ...InspectionRpc,
  ...TradePromotionRpc,
  ...TrainingRpc,
  ...ProgrammeRpc,
  /** Services resolve the user ids they are given (council seats, task assignments) on behalf of their caller. */
  [IdentitySubjects.usersResolve]: { request: ResolveUsersQuery, roles: ALL_ROLES },
  /** Training's coverage of officials asks, on behalf of an office, how many users a unit has. */
  [IdentitySubjects.usersInUnit]: { request: UsersInUnitQuery, roles: [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.ADMIN] },
  ...Object.assign({}, ...BUS_SERVICES.map(deadLetterRpc)),
};

/** The declaration of a subject; a subject nobody declared is a programming error, found at start-up. */
export function rpcSpec(subject: string): RpcSpec {
  const spec = RPC_REGISTRY[subject];
  if (!spec) throw new Error(`no contract in RPC_REGISTRY declares the subject ${subject}`);
  return spec;
}
