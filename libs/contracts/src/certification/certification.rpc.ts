import { Role } from '../actor';
import { PUBLIC_CALL, type RpcRegistry } from '../rpc';
import { CertificationSubjects as S } from './certification.subjects';
import {
  CertificateIdQuery,
  DecisionIdQuery,
  ListCertificatesQuery,
  ListDecisionsQuery,
  ListNotificationsQuery,
  ListRevocationsQuery,
  RejectRevocationCommand,
  RequestRevocationCommand,
  RevocationIdQuery,
  RunJobCommand,
  VerifyQuery,
} from './certification.dto';

/** The issuing authorities' officers. */
const OFFICERS = [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.ADMIN];
const READERS = [...OFFICERS, Role.PRODUCER, Role.INSPECTOR, Role.AGENCY_OFFICER];

export const CertificationRpc = {
  [S.certificateList]: { request: ListCertificatesQuery, roles: READERS },
  [S.certificateGet]: { request: CertificateIdQuery, roles: READERS },
  [S.certificatePdf]: { request: CertificateIdQuery, roles: READERS },
  [S.decisionList]: { request: ListDecisionsQuery, roles: READERS },
  [S.decisionGet]: { request: DecisionIdQuery, roles: READERS },
  [S.decisionPdf]: { request: DecisionIdQuery, roles: READERS },
  [S.revocationRequest]: {
    request: RequestRevocationCommand,
    roles: [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.INSPECTOR, Role.ADMIN],
  },
  [S.revocationList]: { request: ListRevocationsQuery, roles: READERS },
  [S.revocationGet]: { request: RevocationIdQuery, roles: READERS },
  [S.revocationDecide]: { request: RevocationIdQuery, roles: OFFICERS },
  [S.revocationReject]: { request: RejectRevocationCommand, roles: OFFICERS },
  [S.revocationConfirmReturn]: { request: RevocationIdQuery, roles: OFFICERS },
  [S.notificationList]: { request: ListNotificationsQuery, roles: READERS },
  [S.jobRun]: { request: RunJobCommand, roles: [Role.ADMIN] },
  [S.publicVerify]: { request: VerifyQuery, roles: PUBLIC_CALL },
  [S.publicKeys]: { roles: PUBLIC_CALL },
  [S.publicStatusList]: { roles: PUBLIC_CALL },
} satisfies RpcRegistry;
