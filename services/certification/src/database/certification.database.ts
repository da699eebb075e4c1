import { SigningKey } from '../signing/signing-key.entity';
import { NumberCounter } from '../certificates/number-counter.entity';
import { Decision } from '../certificates/decision.entity';
import { Certificate } from '../certificates/certificate.entity';
import { CertificateNotice } from '../expiry/certificate-notice.entity';
import { Revocation } from '../revocation/revocation.entity';
import { Notification } from '../notifications/notification.entity';
import { InitialCertification1764200000000 } from './migrations/1764200000000-InitialCertification';
import { ProvisionalCriteria1764900000000 } from './migrations/1764900000000-ProvisionalCriteria';
import { RevocationCertificateIndex1796140000000 } from './migrations/1796140000000-RevocationCertificateIndex';

/**
 * The certification schema: its entities and migration history. The set-based sweeps over many certificates
 * stay SQL, inside the repositories.
 */
export const CERTIFICATION_DATABASE = {
  schema: 'certification',
  entities: [SigningKey, NumberCounter, Decision, Certificate, CertificateNotice, Revocation, Notification],
  migrations: [InitialCertification1764200000000, ProvisionalCriteria1764900000000, RevocationCertificateIndex1796140000000],
};
