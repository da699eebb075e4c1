import { Injectable } from '@nestjs/common';
import {
  AppError,
  ProgrammeEvents,
  RegistrationEvents,
  type Actor,
  type ForwardedDossierView,
  type NationalFiguresView,
  type NationalHubQuery,
} from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { vietnamYear } from '@ocop/domain';
import { NationalHubIngest } from './national-hub.ingest';
import { NationalHubRepository } from './national-hub.repository';

/** national-hub mode: all provinces' shared figures and forwarded dossiers, for the ministry's side (a national admin). */
@Injectable()
export class NationalHubUseCases {
  constructor(
    private readonly records: NationalHubRepository,
    private readonly ingest: NationalHubIngest,
  ) {}

  private check(actor: Actor): void {
    if (!this.ingest.enabled)
      throw AppError.rule('NOT_A_NATIONAL_HUB', 'this platform is a province’s, not the national hub (NATIONAL_HUB_PROVINCES)');
    if (!spansAllProvinces(actor))
      throw AppError.forbidden('SCOPE_FORBIDDEN', 'the provinces’ figures are the national hub’s (a national admin)');
  }

  async figures(actor: Actor, q: NationalHubQuery): Promise<NationalFiguresView[]> {
    this.check(actor);
    return (await this.records.records(ProgrammeEvents.reportSubmitted, q.provinceCode))
      .filter((r) => r.data.kind !== 'AD_HOC' && (q.year === undefined || r.data.year === q.year))
      .map((r) => {
        const d = r.data as Record<string, number | string>;
        return {
          provinceCode: r.provinceCode,
          domain: r.domain,
          reportId: String(d.reportId),
          kind: String(d.kind),
          unitCode: String(d.unitCode),
          year: Number(d.year),
          issued3: Number(d.issued3),
          issued4: Number(d.issued4),
          issued5: Number(d.issued5),
          firstCertifications: Number(d.firstCertifications),
          valid3: Number(d.valid3),
          valid4: Number(d.valid4),
          valid5: Number(d.valid5),
          revoked: Number(d.revoked),
          submittedAt: String(d.submittedAt),
          receivedAt: r.receivedAt.toISOString(),
        };
      });
  }

  async forwarded(actor: Actor, q: NationalHubQuery): Promise<ForwardedDossierView[]> {
    this.check(actor);
    return (await this.records.records(RegistrationEvents.dossierForwarded, q.provinceCode))
      .filter((r) => q.year === undefined || vietnamYear(r.occurredAt) === q.year)
      .map((r) => {
        const d = r.data as Record<string, string>;
        return {
          provinceCode: r.provinceCode,
          domain: r.domain,
          dossierId: d.dossierId!,
          dossierCode: d.dossierCode!,
          productId: d.productId!,
          producerId: d.producerId!,
          communeCode: d.communeCode!,
          forwardedAt: r.occurredAt.toISOString(),
          receivedAt: r.receivedAt.toISOString(),
        };
      });
  }
}
