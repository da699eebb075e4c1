import type { OpinionView } from '@ocop/contracts';
import type { Dossier } from '../dossiers/dossier.entity';
import type { DossierOpinion } from './opinion.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function opinionView(o: DossierOpinion, d: Pick<Dossier, 'code'>): OpinionView {
  return {
    id: o.id,
    dossierId: o.dossierId,
    dossierCode: d.code,
    agencyCode: o.agencyCode,
    required: o.required,
    status: o.status,
    requestedAt: iso(o.requestedAt),
    dueAt: iso(o.dueAt),
    remindedAt: iso(o.remindedAt),
    escalatedAt: iso(o.escalatedAt),
    conclusion: o.conclusion,
    text: o.text,
    reference: o.reference,
    givenAt: iso(o.givenAt),
    givenVia: o.givenVia,
  };
}
