import { Inject, Injectable } from '@nestjs/common';
import { RegistrationSubjects, SYSTEM_ACTOR, type UnitView } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';

/** How an issuing authority is named on its documents. */
export interface AuthorityNames {
  /** Governing body line of the national heading (upper case), e.g. "UBND TỈNH THANH HÓA"; empty for a ministry. */
  authorityVi: string;
  /** Issuing body, e.g. "ỦY BAN NHÂN DÂN TỈNH THANH HÓA". */
  issuerVi: string;
  /** Place of the date line, e.g. "Thanh Hóa". */
  placeVi: string;
  /** Document symbol of its decisions. */
  decisionSymbol: string;
}

export const MINISTRY: AuthorityNames = {
  authorityVi: '', issuerVi: 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', placeVi: 'Hà Nội', decisionSymbol: 'QĐ-BNNMT',
};

const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');
const bare = (s: string): string => s.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Quận)\s+/u, '');

/** Names of the people's committees that certify, from registration's administrative units (cached). */
@Injectable()
export class Authorities {
  private readonly cache = new Map<string, AuthorityNames>();

  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async describe(unitCode: string, provinceCode: string): Promise<AuthorityNames> {
    if (unitCode === 'VN') return MINISTRY;
    const cached = this.cache.get(unitCode);
    if (cached) return cached;
    const units = await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList,
      unitCode === provinceCode ? { level: 'PROVINCE' } : { level: 'DISTRICT', parentCode: provinceCode }, { actor: SYSTEM_ACTOR });
    const unit = units.find((u) => u.code === unitCode);
    const name = unit?.name ?? `Đơn vị ${unitCode}`;
    const names: AuthorityNames = {
      authorityVi: `UBND ${upper(name)}`,
      issuerVi: `ỦY BAN NHÂN DÂN ${upper(name)}`,
      placeVi: bare(name),
      decisionSymbol: 'QĐ-UBND',
    };
    this.cache.set(unitCode, names);
    return names;
  }
}
