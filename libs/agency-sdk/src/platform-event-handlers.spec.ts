import { Injectable, Scope } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DEFAULT_CONSUMER } from './agency-sdk.options';
import type { OpinionRequestedData } from './contract.generated';
import type { EventEnvelope } from './envelope';
import { OnPlatformEvent } from './on-platform-event.decorator';
import { discoverPlatformEventHandlers } from './platform-event-handlers';

@Injectable()
class OpinionHandlers {
  seen: string[] = [];
  @OnPlatformEvent('registration.opinion-requested.v1', { name: 'opinions', maxDeliver: 7 })
  onRequested(data: OpinionRequestedData, envelope: EventEnvelope<OpinionRequestedData>): void {
    this.seen.push(`${data.dossierCode} ${envelope.id}`);
  }

  @OnPlatformEvent('certification.certificate-issued.v1')
  onIssued(): void {}

  notAHandler(): void {}
}

@Injectable()
class SecondOpinions {
  @OnPlatformEvent('registration.opinion-given.v1', { name: 'opinions' })
  onGiven(): void {}
}

@Injectable()
class Typo {
  // A JavaScript caller (or a cast) can name a type the contract does not have: start-up must refuse it.
  @OnPlatformEvent('registration.opinion-requestd.v1' as 'registration.opinion-requested.v1')
  on(): void {}
}

@Injectable({ scope: Scope.REQUEST })
class PerRequest {
  @OnPlatformEvent('registration.opinion-requested.v1', { name: 'per-request' })
  on(): void {}
}

async function discover(...providers: (new () => object)[]) {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers }).compile();
  return {
    moduleRef,
    handlers: discoverPlatformEventHandlers(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner), DEFAULT_CONSUMER),
  };
}

describe('discoverPlatformEventHandlers', () => {
  it('finds each decorated method with its consumer name, type and settings, and calls it on its instance', async () => {
    const { moduleRef, handlers } = await discover(OpinionHandlers);
    expect(handlers.map((h) => [h.name, h.type, h.where])).toEqual([
      ['opinions', 'registration.opinion-requested.v1', 'OpinionHandlers.onRequested'],
      ['certification_certificate-issued_v1', 'certification.certificate-issued.v1', 'OpinionHandlers.onIssued'],
    ]);
    expect(handlers[0]!.settings).toEqual({ ...DEFAULT_CONSUMER, maxDeliver: 7 });
    await handlers[0]!.handle({ dossierCode: 'D-1' }, { id: 'e-1' } as EventEnvelope);
    expect(moduleRef.get(OpinionHandlers).seen).toEqual(['D-1 e-1']);
  });

  it('refuses two handlers on one consumer name', async () => {
    await expect(discover(OpinionHandlers, SecondOpinions)).rejects.toThrow(
      /consumer opinions is declared by OpinionHandlers.onRequested .* and SecondOpinions.onGiven/,
    );
  });

  it('refuses a type the contract does not declare', async () => {
    await expect(discover(Typo)).rejects.toThrow(/registration.opinion-requestd.v1, which is not a platform event type/);
  });

  it('refuses a request-scoped handler', async () => {
    await expect(discover(PerRequest)).rejects.toThrow(/request-scoped/);
  });
});
