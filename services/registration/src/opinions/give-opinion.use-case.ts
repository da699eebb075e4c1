import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AppError, RegistrationEvents, type Actor, type GiveOpinionCommand, type OpinionView } from '@ocop/contracts';
import { DossierStatus } from '@ocop/domain';
import { readScopeOf } from '@ocop/auth';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierWorkflow } from '../dossiers/dossier.workflow';
import { DossierOpinion } from './opinion.entity';
import { OpinionsRepository } from './opinions.repository';
import { opinionView } from './opinion.view';
import { agencyServiceActor } from '../agency/agency-actor';

/** Who gives the opinion: an agency officer through the API, or the agency's own service on its NATS subject. */
export type OpinionAuthor = { via: 'HTTP'; actor: Actor } | { via: 'NATS'; agencyCode: string };

/** A dossier takes opinions from its proposal until its evaluation ends. */
const OPEN_FOR_OPINIONS: ReadonlySet<string> = new Set([DossierStatus.PROPOSED, DossierStatus.UNDER_EVALUATION, DossierStatus.FORWARDED]);

/**
 * An agency's written opinion on a dossier: fills the request the province's rule made, or stands unasked. One per
 * agency and dossier; giving it again with the same reference returns the stored opinion (a service's retry), another
 * is refused. Written with the dossier locked, with its audit record and `registration.opinion-given.v1` (the
 * timeline, and scoring's gate when the opinion was required).
 */
@Injectable()
export class GiveOpinionUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly opinions: OpinionsRepository,
    private readonly workflow: DossierWorkflow,
  ) {}

  async execute(author: OpinionAuthor, c: GiveOpinionCommand, asOf: Date): Promise<OpinionView> {
    const agencyCode = author.via === 'HTTP' ? author.actor.scope.agencyCode : author.agencyCode;
    if (!agencyCode) throw AppError.forbidden('SCOPE_MISSING', 'this agency officer has no agency');
    return this.ds.transaction(async (tx) => {
      // The agency's service was issued its credential by this platform: it may give opinions on any of its dossiers.
      const d = await this.dossiers.getForUpdate(tx, author.via === 'HTTP' ? readScopeOf(author.actor) : { kind: 'all' }, c.dossierId);
      const existing = await this.opinions.ofAgencyForUpdate(tx, d.id, agencyCode);
      if (existing?.status === 'GIVEN') {
        if (c.reference !== undefined && existing.reference === c.reference) return opinionView(existing, d);
        throw AppError.conflict('OPINION_ALREADY_GIVEN', `agency ${agencyCode} has already given its opinion on dossier ${d.code}`);
      }
      if (!OPEN_FOR_OPINIONS.has(d.status))
        throw AppError.rule(
          'DOSSIER_NOT_OPEN_FOR_OPINIONS',
          `dossier ${d.code} is ${d.status}: opinions are taken from its proposal until its evaluation ends`,
        );
      const actor: Actor = author.via === 'HTTP' ? author.actor : agencyServiceActor(agencyCode, d.provinceCode);
      const o = Object.assign(existing ?? new DossierOpinion(), {
        ...(existing
          ? {}
          : {
              id: randomUUID(),
              dossierId: d.id,
              agencyCode,
              required: false,
              requestedAt: null,
              dueAt: null,
              remindedAt: null,
              escalatedAt: null,
            }),
        status: 'GIVEN' as const,
        conclusion: c.conclusion,
        text: c.text,
        reference: c.reference ?? null,
        givenAt: asOf,
        givenBy: actor.id,
        givenVia: author.via,
      });
      const saved = await this.opinions.save(tx, o);
      await this.workflow.record(
        tx,
        actor,
        d,
        'OPINION',
        { agencyCode, conclusion: c.conclusion, reference: o.reference, via: author.via },
        RegistrationEvents.opinionGiven,
        {
          opinionId: saved.id,
          agencyCode,
          required: saved.required,
          conclusion: c.conclusion,
          text: c.text,
          reference: saved.reference,
          givenAt: asOf.toISOString(),
          via: author.via,
        },
      );
      return opinionView(saved, d);
    });
  }
}
