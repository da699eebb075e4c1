import type { GuidanceThreadView } from '@ocop/contracts';
import type { Dossier } from '../dossiers/dossier.entity';
import type { GuidanceMessage, GuidanceThread } from './guidance.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function guidanceView(t: GuidanceThread, d: Pick<Dossier, 'code'>, messages: GuidanceMessage[]): GuidanceThreadView {
  return {
    id: t.id,
    dossierId: t.dossierId,
    dossierCode: d.code,
    agencyCode: t.agencyCode,
    topic: t.topic,
    status: t.status,
    askedAt: t.askedAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    remindedAt: iso(t.remindedAt),
    escalatedAt: iso(t.escalatedAt),
    answeredAt: iso(t.answeredAt),
    messages: messages
      .filter((m) => m.threadId === t.id)
      .map((m) => ({
        id: m.id,
        side: m.side,
        authorId: m.authorId,
        via: m.via,
        text: m.text,
        reference: m.reference,
        at: m.at.toISOString(),
      })),
  };
}
