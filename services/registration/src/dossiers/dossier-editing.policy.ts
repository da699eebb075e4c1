import { DossierStatus } from '@ocop/domain';

/** Who opens dossiers and changes their documents (the producer and its commune): the RPC registry's. */
export { DOSSIER_EDITORS } from '@ocop/contracts';

/** Statuses in which documents may still be added. */
export const EDITABLE_STATUSES: ReadonlySet<string> = new Set<string>([DossierStatus.DRAFT, DossierStatus.RETURNED_FOR_COMPLETION]);

/** The file types a dossier document may have. */
export const ALLOWED_CONTENT_TYPES: ReadonlySet<string> = new Set(['application/pdf', 'image/jpeg', 'image/png']);
