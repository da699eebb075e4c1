import { Injectable } from '@nestjs/common';
import { AgencyConnection } from './agency-connection';
import { AgencyEventConsumers } from './agency-event-consumers';

export interface AgencyReadinessReport {
  ready: boolean;
  /** `up`, or why not. */
  nats: string;
  /** Each durable consumer's state (`running` when ready), with its last error. */
  consumers: Record<string, { state: string; error?: string }>;
}

/** Whether the agency's service can do its work: NATS answers a round trip and every consumer is running. */
@Injectable()
export class AgencyReadiness {
  constructor(
    private readonly connection: AgencyConnection,
    private readonly consumers: AgencyEventConsumers,
  ) {}

  async check(): Promise<AgencyReadinessReport> {
    let nats = 'up';
    try {
      await this.connection.checkReady();
    } catch (err) {
      nats = (err as Error).message;
    }
    const consumers = this.consumers.states();
    const ready = nats === 'up' && Object.values(consumers).every((c) => c.state === 'running');
    return { ready, nats, consumers };
  }
}
