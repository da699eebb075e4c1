import { Injectable } from '@nestjs/common';
import { AppError, RegistrationSubjects, type Actor, type UnitView } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';

/** The administrative units a plan speaks of, from registration's units (the platform's one list). */
@Injectable()
export class PlanUnits {
  constructor(private readonly rpc: RpcClient) {}

  /** A province or district by its code; 400 with the field when it is none. */
  async unit(actor: Actor, level: 'PROVINCE' | 'DISTRICT', code: string, field: string): Promise<UnitView> {
    const unit = (await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level }, { actor })).find((u) => u.code === code);
    if (!unit) throw AppError.validation('UNIT_UNKNOWN', `no ${level.toLowerCase()} ${code} among the administrative units`, field);
    return unit;
  }

  /** The districts of a province. */
  async districtsOf(actor: Actor, provinceCode: string): Promise<UnitView[]> {
    const units = await this.rpc.request<UnitView[]>(
      RegistrationSubjects.unitsList,
      { level: 'DISTRICT', parentCode: provinceCode },
      { actor },
    );
    return units.filter((u) => u.provinceCode === provinceCode);
  }

  /** A commune by its code (with its district), or null. */
  async commune(actor: Actor, code: string): Promise<UnitView | null> {
    const units = await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level: 'COMMUNE' }, { actor });
    return units.find((u) => u.code === code) ?? null;
  }
}
