import { Injectable } from '@nestjs/common';
import { RegistrationSubjects, SYSTEM_ACTOR, type CertificateIssuedData, type EventEnvelope, type ProducerView } from '@ocop/contracts';
import { findProductSet } from '@ocop/domain';
import { RpcClient } from '@ocop/messaging';
import { replicaOf, type Tx } from '@ocop/persistence';
import { ApplicationsRepository } from '../applications/applications.repository';
import { ShelvesRepository } from '../sales-points/shelves.repository';
import { CertificatesRepository } from './certificates.repository';
import { CataloguePublisher } from './catalogue.publisher';

/** What registration says of a certificate's producer, read before the inbox transaction opens. */
export interface ProducerPlace {
  districtCode: string | null;
}

/**
 * A new certificate arrives (once, whatever the redeliveries), with its product group and its producer's district (the
 * public catalogue lists by both). When it replaces another (re-evaluation, upgrade), the product's places at upcoming
 * events and on shelves carry the new certificate and its stars.
 */
@Injectable()
export class RecordCertificateUseCase {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly applications: ApplicationsRepository,
    private readonly shelves: ShelvesRepository,
    private readonly catalogue: CataloguePublisher,
    private readonly rpc: RpcClient,
  ) {}

  /** The producer's district: in the event, or (an event from before it carried it) from registration's register. */
  async producerPlace(e: EventEnvelope): Promise<ProducerPlace> {
    const d = e.data as CertificateIssuedData;
    if (d.producerDistrictCode !== undefined) return { districtCode: d.producerDistrictCode };
    const producer = await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: d.producerId }, { actor: SYSTEM_ACTOR });
    return { districtCode: producer.districtCode };
  }

  async execute(e: EventEnvelope, tx: Tx, place: ProducerPlace): Promise<void> {
    const d = e.data as CertificateIssuedData;
    await this.certificates.addIfAbsent(
      tx,
      {
        ...replicaOf(d),
        producerName: d.producerName,
        producerDistrictCode: place.districtCode,
        productGroup: findProductSet(d.productSetCode)?.group ?? null,
      },
      new Date(d.issuedAt),
    );
    await this.catalogue.changed(tx, d, 'LISTED', new Date(d.issuedAt));
    if (d.supersedes) {
      const next = { certificateId: d.certificateId, code: d.code, stars: d.stars };
      await this.applications.carryOverCertificate(tx, d.supersedes, next);
      await this.shelves.carryOverCertificate(tx, d.supersedes, next);
    }
  }
}
