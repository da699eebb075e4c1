import { Check, Entity, Index } from 'typeorm';
import { CertificateReplica } from '@ocop/persistence';

/** A certificate as certification's events describe it: whether a producer may join a class for 3★+ producers. */
@Entity({ name: 'certificate' })
@Check('certificate_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Index('certificate_producer_idx', ['producerId'])
export class CertificateRecord extends CertificateReplica {}
