import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, nanos, type Authenticator, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { agencyEventsWildcard, eventsWildcard } from '@ocop/contracts';
import { pingDatabase } from '@ocop/persistence';

/** Connects to NATS (with the user of a `.creds` file in operator mode), reconnecting forever once connected; says clearly when the server is not there. */
export async function connectNats(url: string, name: string, credsFile?: string): Promise<NatsConnection> {
  let authenticator: Authenticator | undefined;
  if (credsFile) {
    try {
      authenticator = credsAuthenticator(readFileSync(credsFile));
    } catch (err) {
      throw new Error(`NATS_CREDS_FILE ${credsFile} cannot be read: ${(err as Error).message}`);
    }
  }
  try {
    // noAsyncTraces: a request no longer builds an Error (a stack capture) up front in case it times out; the platform's
    // own errors say which subject and service did not answer (RpcClient), so the extra trace bought nothing.
    return await connect({
      servers: url.split(','),
      name,
      authenticator,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      noAsyncTraces: true,
    });
  } catch (err) {
    throw new Error(
      `NATS is not reachable at ${url} (${(err as Error).message}). Start it with JetStream enabled: ` +
        `'apt-get install nats-server && nats-server -js -sd /var/lib/nats' or 'docker compose -f deploy/docker-compose.yml up -d nats', ` +
        `or point NATS_URL at a running server.`,
    );
  }
}

export interface EventStreamOptions {
  name: string;
  prefix: string;
  /** JetStream drops a re-published event with the same Nats-Msg-Id inside this window. */
  duplicateWindowMs?: number;
  replicas?: number;
}

/** Creates the domain-event stream, or brings an existing one's settings up to date. Idempotent. */
export async function ensureEventStream(nc: NatsConnection, o: EventStreamOptions): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config = {
    // The platform's events, and the agencies' own (each published in its agency's space: deploy/nats/operator-mode.md).
    subjects: [eventsWildcard(o.prefix), agencyEventsWildcard(o.prefix)],
    duplicate_window: nanos(o.duplicateWindowMs ?? 2 * 60 * 60 * 1000),
    num_replicas: o.replicas ?? 1,
  };
  try {
    await jsm.streams.info(o.name);
    await jsm.streams.update(o.name, config);
  } catch (err) {
    if (!/not found/i.test((err as Error).message)) throw err;
    await jsm.streams.add({
      name: o.name,
      ...config,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
    });
  }
}

/** The readiness checks every process on the bus has: its database answers, its NATS connection is open and flushes. */
export function busReadinessChecks(ds: DataSource, nc: NatsConnection): { database: () => Promise<void>; nats: () => Promise<void> } {
  return {
    database: () => pingDatabase(ds),
    nats: async () => {
      if (nc.isClosed()) throw new Error('NATS connection closed');
      await nc.flush();
    },
  };
}
