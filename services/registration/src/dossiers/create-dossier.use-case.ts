import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, type Actor, type CreateDossierCommand } from '@ocop/contracts';
import { DossierStatus, cycleYear } from '@ocop/domain';
import { readScopeOf } from '@ocop/auth';
import type { Tx } from '@ocop/persistence';
import { Dossier } from './dossier.entity';
import { DossiersRepository } from './dossiers.repository';
import { DossierWorkflow } from './dossier.workflow';
import { ProducersRepository } from '../producers/producers.repository';
import { ProductsRepository } from '../products/products.repository';
import { FileReevaluationInvitationsUseCase } from '../reevaluation/file-reevaluation-invitations.use-case';

/** Opening a dossier for a product (a re-evaluation files the product's open invitation). */
@Injectable()
export class CreateDossierUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly workflow: DossierWorkflow,
    private readonly fileInvitations: FileReevaluationInvitationsUseCase,
  ) {}

  /** Runs in its own transaction, or in `outer` (a picked product idea: the product, its dossier and the idea commit together). */
  async execute(actor: Actor, cmd: CreateDossierCommand, asOf: Date, outer?: Tx): Promise<Dossier> {
    const run = async (tx: Tx): Promise<Dossier> => {
      const product = await this.products.find(cmd.productId, tx);
      const producer = product && (await this.producers.get(readScopeOf(actor), product.producerId, tx));
      if (!product || !producer) throw AppError.notFound('PRODUCT_NOT_FOUND', 'no such product');
      const year = cycleYear(asOf);
      const d = Object.assign(new Dossier(), {
        id: randomUUID(),
        code: await this.dossiers.nextCode(tx, year),
        productId: product.id,
        producerId: producer.id,
        kind: cmd.kind,
        status: DossierStatus.DRAFT,
        legalVersion: null,
        cycleYear: year,
        provinceCode: producer.provinceCode,
        districtCode: producer.districtCode,
        communeCode: producer.communeCode,
        filedAt: null,
        proposedTier: null,
        proposedToUnitCode: null,
        roundId: null,
        proposalReference: null,
        returnReasons: [],
      });
      await this.dossiers.insert(tx, d);
      await this.workflow.record(tx, actor, d, 'create', { kind: d.kind }, RegistrationEvents.dossierCreated, { kind: d.kind });
      await this.fileInvitations.execute(tx, actor, d);
      return d;
    };
    return outer ? run(outer) : this.ds.transaction(run);
  }
}
