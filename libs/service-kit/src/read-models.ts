import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';

/** A service's read models: the tables only its consumers write, from other services' events, and those consumers. */
export interface ReadModels {
  /** The service's schema and name (its durables are `<service>-<consumer>`). */
  schema: string;
  service: string;
  consumers: string[];
  tables: string[];
}

/**
 * Prepares a rebuild of a service's read models from the event stream: refuses while a process of the service is
 * pulling from one of its durables; empties the read-model tables and the service's inbox rows of those consumers
 * (what they applied) in one transaction; deletes the durables. The service, started again, creates them anew and
 * replays the stream from its first event, applying each event as it did live. Returns the events forgotten.
 */
export async function resetReadModels(ds: DataSource, nc: NatsConnection, stream: string, m: ReadModels): Promise<{ inboxRows: number }> {
  const jsm: JetStreamManager = await jetstreamManager(nc);
  const durables = m.consumers.map((c) => `${m.service}-${c}`);
  for (const d of durables) {
    const info = await jsm.consumers.info(stream, d).catch(() => null);
    if (info && info.num_waiting > 0) throw new Error(`${d} is being pulled from: stop every ${m.service} process first`);
  }
  const inboxRows = await ds.transaction(async (tx) => {
    await tx.query(`TRUNCATE ${m.tables.map((t) => `${m.schema}.${t}`).join(', ')}`);
    const deleted: [unknown[], number] = await tx.query(`DELETE FROM ${m.schema}.inbox WHERE consumer = ANY($1::text[])`, [durables]);
    return deleted[1];
  });
  for (const d of durables) await jsm.consumers.delete(stream, d).catch(() => false);
  return { inboxRows };
}
