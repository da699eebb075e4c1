import { Payload } from '@nestjs/microservices';
import { ListUnitsQuery, RegistrationSubjects as S, type UnitView } from '@ocop/contracts';
import { Handles, RpcController } from '@ocop/messaging';
import { UnitsRepository } from './units.repository';

/** The NATS edge of the administrative units (reference data every role reads). */
@RpcController()
export class UnitsHandler {
  constructor(private readonly units: UnitsRepository) {}

  @Handles(S.unitsList)
  async list(@Payload() q: ListUnitsQuery): Promise<UnitView[]> {
    return (await this.units.list(q)).map((u) => ({ ...u, name: u.name }));
  }
}
