import { Injectable } from '@nestjs/common';
import { AppError, DEFAULT_PAGE, Role, type Actor, type GuidanceThreadView, type ListGuidanceQuery } from '@ocop/contracts';
import { readScopeOf, spansAllProvinces } from '@ocop/auth';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { GuidanceRepository } from './guidance.repository';
import { guidanceView } from './guidance.view';
import type { GuidanceThread } from './guidance.entity';

@Injectable()
export class GuidanceQueries {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly guidance: GuidanceRepository,
  ) {}

  /** A dossier's threads, for whoever may read the dossier. */
  async ofDossier(actor: Actor, dossierId: string): Promise<GuidanceThreadView[]> {
    const d = await this.dossiers.get(readScopeOf(actor), dossierId);
    if (!d) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    return this.views(await this.guidance.ofDossier(d.id));
  }

  /** An agency officer's inbox (its agency's threads in its province); the standing office sees its province's. */
  async list(actor: Actor, q: ListGuidanceQuery): Promise<GuidanceThreadView[]> {
    const page = { limit: q.limit ?? DEFAULT_PAGE.limit, offset: q.offset ?? DEFAULT_PAGE.offset, status: q.status };
    if (actor.role === Role.AGENCY_OFFICER) {
      if (!actor.scope.agencyCode) throw AppError.forbidden('SCOPE_MISSING', 'this agency officer has no agency');
      return this.views(await this.guidance.list({ ...page, agencyCode: actor.scope.agencyCode, provinceCode: actor.scope.provinceCode }));
    }
    return this.views(
      await this.guidance.list({ ...page, ...(spansAllProvinces(actor) ? {} : { provinceCode: actor.scope.provinceCode }) }),
    );
  }

  private async views(threads: GuidanceThread[]): Promise<GuidanceThreadView[]> {
    const messages = await this.guidance.messagesOf(threads.map((t) => t.id));
    const out: GuidanceThreadView[] = [];
    for (const t of threads) {
      const d = (await this.dossiers.getForSystem(t.dossierId))!;
      out.push(guidanceView(t, d, messages));
    }
    return out;
  }
}
