import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Decision } from './decision.entity';
import { Revocation } from '../revocation/revocation.entity';
import type { CertificateReadScope } from './certificate-access.policy';
import { certificateScopeCondition } from './certificates.repository';
import { pickFields } from '../database/pick-fields.mapper';

/** A decision as its readers get it (no numbering internals, no created_at). */
export type DecisionRow = Pick<
  Decision,
  | 'id'
  | 'kind'
  | 'reference'
  | 'authorityUnitCode'
  | 'authorityTier'
  | 'provinceCode'
  | 'sessionId'
  | 'citesDecisionId'
  | 'authorityVi'
  | 'issuerVi'
  | 'placeVi'
  | 'decidedAt'
  | 'decidedBy'
>;

const ROW_FIELDS: readonly (keyof DecisionRow)[] = [
  'id',
  'kind',
  'reference',
  'authorityUnitCode',
  'authorityTier',
  'provinceCode',
  'sessionId',
  'citesDecisionId',
  'authorityVi',
  'issuerVi',
  'placeVi',
  'decidedAt',
  'decidedBy',
];

/** What a new decision records; it is created as of its decision instant. */
export type NewDecision = Omit<Decision, 'createdAt' | 'citesDecision'>;

@Injectable()
export class DecisionsRepository {
  constructor(private readonly ds: DataSource) {}

  private rows(tx?: Tx): SelectQueryBuilder<Decision> {
    return (tx ?? this.ds.manager)
      .getRepository(Decision)
      .createQueryBuilder('d')
      .select(ROW_FIELDS.map((f) => `d.${f}`));
  }

  /**
   * The decision, read by the system (or before a reader's own check: a decision is readable through the
   * certificates it names, see `GetDecisionQuery`); null when unknown.
   */
  async getForSystem(id: string, tx?: Tx): Promise<DecisionRow | null> {
    const d = await this.rows(tx).where('d.id = :id', { id }).getOne();
    return d && pickFields<DecisionRow, keyof DecisionRow>(d, ROW_FIELDS);
  }

  /** The reason and return deadline of the revocation a REVOKE decision decided, if any. */
  revocationOf(decisionId: string): Promise<Pick<Revocation, 'reasonCode' | 'returnDeadline'> | null> {
    return this.ds.getRepository(Revocation).findOne({ select: { reasonCode: true, returnDeadline: true }, where: { decisionId } });
  }

  /** Decisions naming at least one certificate in the scope (issued or revoked by them), newest first. */
  async list(scope: CertificateReadScope, f: { kind?: string; limit?: number; offset?: number }): Promise<DecisionRow[]> {
    const s = certificateScopeCondition(scope);
    const q = this.rows().where(
      `EXISTS (SELECT 1 FROM certification.certificate c LEFT JOIN certification.revocation r ON r.certificate_id = c.id
      WHERE (c.decision_id = d.id OR r.decision_id = d.id) AND (${s.sql}))`,
      s.params,
    );
    if (f.kind) q.andWhere('d.kind = :kind', { kind: f.kind });
    const rows = await q
      .orderBy('d.decided_at', 'DESC')
      .addOrderBy('d.id')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset)
      .getMany();
    return rows.map((d) => pickFields<DecisionRow, keyof DecisionRow>(d, ROW_FIELDS));
  }

  /** Serialises the creation of a session's ISSUE decision by one authority until the transaction ends. */
  async lockSessionDecision(tx: Tx, sessionId: string, authorityUnitCode: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`decision:${sessionId}:${authorityUnitCode}`]);
  }

  /** The authority's ISSUE decision for a council session, if it was made already. */
  async findSessionDecision(tx: Tx, sessionId: string, authorityUnitCode: string): Promise<Pick<Decision, 'id' | 'reference'> | null> {
    const d = await tx.getRepository(Decision).findOne({
      select: { id: true, reference: true },
      where: { kind: 'ISSUE', sessionId, authorityUnitCode },
    });
    return d && pickFields(d, ['id', 'reference'] as const);
  }

  async insert(tx: Tx, d: NewDecision): Promise<void> {
    await tx.insert(Decision, { ...d, createdAt: d.decidedAt });
  }
}
