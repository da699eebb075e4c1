export { OutboxRow, InboxRow, DeadLetterRow, AuditRow, PLATFORM_ENTITIES } from './platform.entities';
export { createPlatformTablesV1 } from './platform-tables.migration';
export { createServiceDataSource, initializeServiceDatabase, pingDatabase, schemaOf } from './data-source.factory';
export type { ServiceDataSourceOptions, Tx } from './data-source.factory';
export { writeAudit, writeAuditMany, writeActorAudit } from './audit';
export type { AuditEntry } from './audit';
export { LocalDiskObjectStorage } from './object-storage';
export type { ObjectStorage, StoredObject } from './object-storage';
export { updateReturning } from './update-returning';
export { preparedQuery } from './prepared-query';
export {
  CertificateReplica,
  FINAL_CERTIFICATE_STATUSES,
  replicaOf,
  addReplicaIfAbsent,
  setReplicaStatus,
  followReplica,
} from './certificate-replica';
