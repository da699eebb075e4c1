import { Injectable } from '@nestjs/common';
import { AppError, RegistrationSubjects, type Actor, type UnitView } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';

const UNIT_PATTERN: Record<string, RegExp> = { DISTRICT: /^\d{3}$/, PROVINCE: /^\d{2}$/, CENTRAL: /^VN$/ };

/** The unit a council (or a seat on one) belongs to: its code checked against its tier, its province from registration's units. */
@Injectable()
export class CouncilUnits {
  constructor(private readonly rpc: RpcClient) {}

  async provinceOf(actor: Actor, tier: string, unitCode: string): Promise<string> {
    if (!UNIT_PATTERN[tier]!.test(unitCode)) {
      throw AppError.validation(
        'COUNCIL_UNIT_INVALID',
        `a ${tier} council needs ${tier === 'CENTRAL' ? 'unitCode VN' : tier === 'PROVINCE' ? 'a 2-digit province code' : 'a 3-digit district code'}`,
        'unitCode',
      );
    }
    if (tier === 'CENTRAL') return 'VN';
    const level = tier === 'DISTRICT' ? 'DISTRICT' : 'PROVINCE';
    const units = await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level }, { actor });
    const unit = units.find((u) => u.code === unitCode);
    if (!unit)
      throw AppError.rule('COUNCIL_UNIT_UNKNOWN', `no ${level.toLowerCase()} ${unitCode} among the administrative units`, 'unitCode');
    return unit.provinceCode;
  }
}
