import { Injectable } from '@nestjs/common';
import { AppError, type AgencyDossierView } from '@ocop/contracts';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { documentView } from '../dossiers/dossiers.queries';
import { ProductsRepository } from '../products/products.repository';
import { OpinionsRepository } from '../opinions/opinions.repository';
import { GuidanceRepository } from '../guidance/guidance.repository';

/**
 * An agency's service reads a dossier it was asked about — an opinion requested of it or given by it, a guidance
 * thread addressed to it — with the list of its documents (not their content). Any other dossier does not exist for it.
 */
@Injectable()
export class AgencyDossierQuery {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly products: ProductsRepository,
    private readonly opinions: OpinionsRepository,
    private readonly guidance: GuidanceRepository,
  ) {}

  async execute(agencyCode: string, dossierId: string): Promise<AgencyDossierView> {
    const d = await this.dossiers.getForSystem(dossierId);
    const asked = d && ((await this.opinions.concerns(d.id, agencyCode)) || (await this.guidance.concerns(d.id, agencyCode)));
    if (!d || !asked) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    const [product, documents] = await Promise.all([this.products.find(d.productId), this.dossiers.documents(d.id)]);
    return {
      dossierId: d.id,
      dossierCode: d.code,
      status: d.status,
      productName: product?.name ?? '',
      productSetCode: product?.productSetCode ?? '',
      documents: documents.map(documentView),
    };
  }
}
