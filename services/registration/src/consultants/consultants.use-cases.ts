import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  type Actor,
  type ConsultantGrantView,
  type ConsultantView,
  type CreateConsultantCommand,
  type GrantConsultantCommand,
  type ListConsultantGrantsQuery,
  type ListConsultantsQuery,
} from '@ocop/contracts';
import { ownsProducer, readScopeOf, spansAllProvinces } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { ProducersRepository } from '../producers/producers.repository';
import { Consultant, ConsultantGrant } from './consultant.entity';
import { ConsultantsRepository, type GrantRow } from './consultants.repository';

const consultantView = (c: Consultant): ConsultantView => ({
  id: c.id,
  provinceCode: c.provinceCode,
  kind: c.kind,
  name: c.name,
  registrationNumber: c.registrationNumber,
  phone: c.phone,
  services: c.services,
  createdAt: c.createdAt.toISOString(),
});

const grantView = (g: GrantRow): ConsultantGrantView => ({
  id: g.id,
  consultantId: g.consultantId,
  consultantName: g.consultantName,
  producerId: g.producerId,
  producerName: g.producerName,
  grantedAt: g.grantedAt.toISOString(),
  grantedBy: g.grantedBy,
  revokedAt: g.revokedAt?.toISOString() ?? null,
  revokedBy: g.revokedBy,
  active: g.revokedAt === null,
});

const notFound = () => AppError.notFound('CONSULTANT_NOT_FOUND', 'no such consultant');
const notGranted = () =>
  AppError.forbidden('CONSULTANT_NOT_GRANTED', 'this producer has not granted you access to its dossiers (or has revoked it)');

/**
 * The register of consultants (the standing office's) and producers' grants: a producer grants a consultant of its
 * province access to its own dossiers and revokes it; each change audited. The gateway checks the grant in force on
 * every request a consultant makes for a producer, so a revocation takes effect at once.
 */
@Injectable()
export class ConsultantsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly consultants: ConsultantsRepository,
    private readonly producers: ProducersRepository,
  ) {}

  async create(actor: Actor, c: CreateConsultantCommand, asOf: Date): Promise<ConsultantView> {
    return this.ds.transaction(async (tx) => {
      const consultant = Object.assign(new Consultant(), {
        id: randomUUID(),
        provinceCode: actor.scope.provinceCode,
        kind: c.kind,
        name: c.name,
        registrationNumber: c.registrationNumber ?? null,
        phone: c.phone,
        services: [...new Set(c.services ?? [])],
        createdAt: asOf,
        createdBy: actor.id,
      });
      await this.consultants.insert(tx, consultant);
      await writeActorAudit(tx, actor, 'consultant.create', 'consultant', consultant.id, { name: c.name, kind: c.kind });
      return consultantView(consultant);
    });
  }

  async list(actor: Actor, q: ListConsultantsQuery): Promise<ConsultantView[]> {
    const rows = await this.consultants.list({
      provinceCode: spansAllProvinces(actor) ? undefined : actor.scope.provinceCode,
      limit: q.limit ?? DEFAULT_PAGE.limit,
      offset: q.offset ?? DEFAULT_PAGE.offset,
    });
    return rows.map(consultantView);
  }

  async get(actor: Actor, id: string): Promise<ConsultantView> {
    const c = await this.consultants.get(id);
    if (!c || (!spansAllProvinces(actor) && c.provinceCode !== actor.scope.provinceCode)) throw notFound();
    return consultantView(c);
  }

  /** The producer grants (its own account only); granting one already in force returns it unchanged. */
  async grant(actor: Actor, c: GrantConsultantCommand, asOf: Date): Promise<ConsultantGrantView> {
    if (!ownsProducer(actor, c.producerId)) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
    const id = await this.ds.transaction(async (tx) => {
      const producer = await this.producers.get({ kind: 'producer', producerId: c.producerId }, c.producerId, tx);
      if (!producer) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
      const consultant = await this.consultants.get(c.consultantId, tx);
      if (!consultant || consultant.provinceCode !== producer.provinceCode)
        throw AppError.validation('CONSULTANT_NOT_FOUND', "no such consultant in the producer's province", 'consultantId');
      const wanted = Object.assign(new ConsultantGrant(), {
        id: randomUUID(),
        consultantId: consultant.id,
        producerId: producer.id,
        grantedAt: asOf,
        grantedBy: actor.id,
        revokedAt: null,
        revokedBy: null,
      });
      const inForce = await this.consultants.grant(tx, wanted);
      if (inForce.id === wanted.id)
        await writeActorAudit(tx, actor, 'consultant.grant', 'consultant_grant', wanted.id, {
          consultantId: consultant.id,
          producerId: producer.id,
        });
      return inForce.id;
    });
    return this.grantById(id);
  }

  /** The producer revokes its grant, once; the consultant is refused from the next request on. */
  async revoke(actor: Actor, grantId: string, asOf: Date): Promise<ConsultantGrantView> {
    await this.ds.transaction(async (tx) => {
      const g = await this.consultants.grantForUpdate(tx, grantId);
      if (!g || !ownsProducer(actor, g.producerId)) throw AppError.notFound('CONSULTANT_GRANT_NOT_FOUND', 'no such grant');
      if (g.revokedAt) return;
      g.revokedAt = asOf;
      g.revokedBy = actor.id;
      await this.consultants.saveGrant(tx, g);
      await writeActorAudit(tx, actor, 'consultant.revoke', 'consultant_grant', g.id, {
        consultantId: g.consultantId,
        producerId: g.producerId,
      });
    });
    return this.grantById(grantId);
  }

  /** A producer's grants, a consultant's, or the province's (the office). */
  async grants(actor: Actor, q: ListConsultantGrantsQuery): Promise<ConsultantGrantView[]> {
    const page = { limit: q.limit ?? DEFAULT_PAGE.limit, offset: q.offset ?? DEFAULT_PAGE.offset };
    const active = q.active === undefined ? undefined : q.active === 'true';
    const scope = actor.role === Role.CONSULTANT ? null : readScopeOf(actor);
    const side =
      scope === null
        ? { consultantId: consultantOf(actor) }
        : scope.kind === 'producer'
          ? { producerId: scope.producerId }
          : scope.kind === 'all'
            ? {}
            : { provinceCode: actor.scope.provinceCode };
    return (await this.consultants.grants({ ...side, active, ...page })).map(grantView);
  }

  /** The gateway's check before a consultant acts for a producer: the grant in force, or 403 CONSULTANT_NOT_GRANTED. */
  async check(actor: Actor, producerId: string): Promise<{ producerId: string; grantId: string }> {
    const g = await this.consultants.activeGrant(consultantOf(actor), producerId);
    if (!g) throw notGranted();
    return { producerId, grantId: g.id };
  }

  private async grantById(id: string): Promise<ConsultantGrantView> {
    const [g] = await this.consultants.grants({ ids: [id], limit: 1, offset: 0 });
    return grantView(g!);
  }
}

function consultantOf(actor: Actor): string {
  if (!actor.scope.consultantId) throw AppError.forbidden('SCOPE_MISSING', 'this consultant account is not linked to a consultant');
  return actor.scope.consultantId;
}
