import { Injectable } from '@nestjs/common';
import { Role, type Actor, type LabView } from '@ocop/contracts';
import { LabsRepository, WHOLE_REGISTER } from './labs.repository';

/** The lab register: staff see all of it, a lab user its own lab, producers nothing. */
@Injectable()
export class ListLabsQuery {
  constructor(private readonly labs: LabsRepository) {}

  async execute(actor: Actor): Promise<LabView[]> {
    if (actor.role === Role.LAB) return this.labs.list({ kind: 'lab', labCode: actor.scope.agencyCode ?? '' });
    return this.labs.list(WHOLE_REGISTER);
  }
}
