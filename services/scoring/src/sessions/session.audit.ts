import { writeActorAudit } from '@ocop/persistence';

/** The audit record of a session's change, in the change's transaction. */
export const auditSessionChange = writeActorAudit;
