import { Inject, Injectable } from '@nestjs/common';
import { AppError, RegistrationSubjects, SYSTEM_ACTOR, type UnitView } from '@ocop/contracts';
import { DomainRuleError, UnitLevel, ministryAt, parseUnitName, peoplesCommitteeAt, type NamedUnit } from '@ocop/domain';
import { RpcClient } from '@ocop/messaging';

/** How an issuing authority is named on its documents. */
export interface AuthorityNames {
  /** Governing body line of the national heading (cơ quan chủ quản); empty: a People's Committee or a ministry has none above it. */
  authorityVi: string;
  /** Issuing body, spelled out: "ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG". */
  issuerVi: string;
  /** Place of the date line, e.g. "Thanh Hóa". */
  placeVi: string;
  /** Document symbol of its decisions. */
  decisionSymbol: string;
}

/** The ministry's names on the decision's date (renamed on 01/03/2025). */
export function ministryNames(decidedAt: Date): AuthorityNames {
  const m = ministryAt(decidedAt);
  return { authorityVi: '', issuerVi: m.issuerVi, placeVi: 'Hà Nội', decisionSymbol: m.decisionSymbol };
}

/**
 * Names of the authorities that certify, from registration's administrative units (type and name, cached)
 * and the decision's date (`peoplesCommitteeAt`, `ministryAt` in libs/domain).
 */
@Injectable()
export class Authorities {
  private readonly cache = new Map<string, { level: UnitLevel; unit: NamedUnit }>();

  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async describe(unitCode: string, provinceCode: string, decidedAt: Date): Promise<AuthorityNames> {
    if (unitCode === 'VN') return ministryNames(decidedAt);
    let cached = this.cache.get(unitCode);
    if (!cached) {
      const level = unitCode === provinceCode ? UnitLevel.PROVINCE : UnitLevel.DISTRICT;
      const units = await this.rpc.request<UnitView[]>(
        RegistrationSubjects.unitsList,
        level === UnitLevel.PROVINCE ? { level: 'PROVINCE' } : { level: 'DISTRICT', parentCode: provinceCode },
        { actor: SYSTEM_ACTOR },
      );
      const found = units.find((u) => u.code === unitCode);
      cached = { level, unit: parseUnitName(level, found?.name ?? `Đơn vị ${unitCode}`) };
      this.cache.set(unitCode, cached);
    }
    try {
      return { authorityVi: '', ...peoplesCommitteeAt(cached.level, cached.unit, decidedAt) };
    } catch (err) {
      if (err instanceof DomainRuleError) throw AppError.rule(err.code, err.message, err.field);
      throw err;
    }
  }
}
