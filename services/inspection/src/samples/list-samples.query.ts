import { Injectable } from '@nestjs/common';
import type { Actor, SampleView } from '@ocop/contracts';
import { SamplesRepository, type SampleListFilter } from './samples.repository';
import { sampleListScopeOf } from './sample.policy';
import { sampleView } from './sample.view';

/** Samples newest first: a lab its own, a producer its own, staff their province's. */
@Injectable()
export class ListSamplesQuery {
  constructor(private readonly samples: SamplesRepository) {}

  async execute(actor: Actor, q: SampleListFilter): Promise<SampleView[]> {
    return (await this.samples.list(sampleListScopeOf(actor), q)).map(sampleView);
  }
}
