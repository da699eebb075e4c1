import { Injectable } from '@nestjs/common';
import type { Actor, SampleView } from '@ocop/contracts';
import { SamplesRepository } from './samples.repository';
import { sampleNotFound, sampleReadScopeOf } from './sample.policy';
import { sampleView } from './sample.view';

/** One sample, if the reader may see it (else it does not exist). */
@Injectable()
export class GetSampleQuery {
  constructor(private readonly samples: SamplesRepository) {}

  async execute(actor: Actor, id: string): Promise<SampleView> {
    const s = await this.samples.get(sampleReadScopeOf(actor), id);
    if (!s) throw sampleNotFound(id);
    return sampleView(s);
  }
}
