import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, Role, type Actor, type HandSamplesCommand, type MinistrySampleView, type ReceiveSamplesCommand } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { writeActorAudit, type Tx } from '@ocop/persistence';
import { readerScope } from '../access/scoring-scope.policy';
import { EvaluationsRepository } from './evaluations.repository';
import { MinistrySample } from './ministry-sample.entity';
import { MinistrySamplesRepository } from './ministry-samples.repository';

const view = (s: MinistrySample): MinistrySampleView => ({
  id: s.id,
  evaluationId: s.evaluationId,
  items: s.items,
  handedBy: s.handedBy,
  carrier: s.carrier,
  reference: s.reference,
  handedAt: s.handedAt.toISOString(),
  receivedAt: s.receivedAt?.toISOString() ?? null,
  receivedBy: s.receivedBy,
  receiptNote: s.receiptNote,
});

/**
 * The samples a province hands to the central council with a forwarded 5★ candidate (issue 18; Đắk Lắk): the province's
 * office records what it handed, by whom, when; the ministry's side (a national admin, or a member of a central council)
 * records their receipt, once. Read through either evaluation: the province's that forwarded it, or the central one.
 */
@Injectable()
export class MinistrySamplesUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly evaluations: EvaluationsRepository,
    private readonly samples: MinistrySamplesRepository,
  ) {}

  async hand(actor: Actor, c: HandSamplesCommand, asOf: Date): Promise<MinistrySampleView> {
    const e = await this.evaluations.get(readerScope(actor), c.evaluationId);
    if (!e) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
    if (e.tier !== 'PROVINCE' || e.result?.outcome !== 'FORWARD' || e.result.nextTier !== 'CENTRAL')
      throw AppError.conflict(
        'EVALUATION_NOT_FORWARDED_TO_MINISTRY',
        'samples go with a dossier the province’s council forwarded to the central council',
      );
    const s = Object.assign(new MinistrySample(), {
      id: randomUUID(),
      evaluationId: e.id,
      provinceCode: e.provinceCode,
      items: c.items.map((i) => ({ description: i.description, quantity: i.quantity })),
      handedBy: c.handedBy,
      carrier: c.carrier ?? null,
      reference: c.reference ?? null,
      handedAt: asOf,
      recordedBy: actor.id,
      receivedAt: null,
      receivedBy: null,
      receiptNote: null,
    });
    await this.ds.transaction(async (tx) => {
      await this.samples.insert(tx, s);
      await writeActorAudit(tx, actor, 'ministry-sample.hand', 'ministry_sample', s.id, { evaluationId: e.id, items: s.items.length });
    });
    return view(s);
  }

  async list(actor: Actor, evaluationId: string): Promise<MinistrySampleView[]> {
    const e = await this.evaluations.get(readerScope(actor), evaluationId);
    if (!e) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
    const forwarding = e.tier === 'CENTRAL' ? e.forwardedFrom : e.id;
    if (!forwarding) return [];
    return (await this.samples.ofEvaluation(forwarding)).map(view);
  }

  async receive(actor: Actor, c: ReceiveSamplesCommand, asOf: Date): Promise<MinistrySampleView> {
    return this.ds.transaction(async (tx) => {
      const s = await this.samples.lock(tx, c.sampleId);
      if (!s) throw AppError.notFound('SAMPLES_NOT_FOUND', 'no such sample shipment');
      if (!(await this.ministrySide(tx, actor)))
        throw AppError.forbidden(
          'SCOPE_FORBIDDEN',
          'samples are received by the ministry’s side (a national admin or a member of a central council)',
        );
      if (s.receivedAt) throw AppError.conflict('SAMPLES_ALREADY_RECEIVED', `received already by ${s.receivedBy}`);
      Object.assign(s, { receivedAt: asOf, receivedBy: c.receivedBy, receiptNote: c.note ?? null });
      await this.samples.markReceived(tx, s);
      await writeActorAudit(tx, actor, 'ministry-sample.receive', 'ministry_sample', s.id, { receivedBy: c.receivedBy });
      return view(s);
    });
  }

  private async ministrySide(tx: Tx, actor: Actor): Promise<boolean> {
    return actor.role === Role.ADMIN ? spansAllProvinces(actor) : this.samples.sitsOnCentralCouncil(tx, actor.id);
  }
}
