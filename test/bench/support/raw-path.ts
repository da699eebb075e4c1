/**
 * The same-run baselines of bench:gateway (issue 13), as the parts underneath can do them with nothing of the platform:
 *
 * - `raw-path.ts http <port> <prefix>`: a bare Fastify server whose handlers do one NATS request each and return the
 *   reply (`POST /raw/producers`, `GET /raw/units`), and on `<port>+1` a bare Nest-on-Fastify hello world.
 * - `raw-path.ts responder <prefix>`: a bare NATS responder (requests handled concurrently, one pg pool of the size the
 *   services use) that runs the command's inserts — row, audit record, outbox row — in one PostgreSQL transaction, or
 *   the units list's SELECT.
 *
 * Both run as their own processes, like the gateway and registration they are compared with. The tables live in their
 * own schema (`raw`) of the bench database, shaped like registration's.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { connect, type Msg } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { loadToolConfig } from '../../../tools/config';

const [, , role, ...args] = process.argv;
const { infra, env } = loadToolConfig();
const natsUrl = infra.natsUrl;

@Controller()
class HelloController {
  @Get('hello')
  hello() {
    return { status: 'ok' };
  }
}
@Module({ controllers: [HelloController] })
class HelloModule {}

async function http(port: number, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  const app = Fastify();
  const ask = async (subject: string, body: unknown) => {
    const reply = await nc.request(`${prefix}.${subject}`, JSON.stringify(body ?? {}), { timeout: 10_000 });
    return reply.json();
  };
  app.post('/raw/producers', async (req, res) => res.code(201).send(await ask('producer.create', req.body)));
  app.get('/raw/units', async () => ask('units.list', {}));
  await app.listen({ port, host: '127.0.0.1' });
  const nest = await NestFactory.create(HelloModule, new FastifyAdapter(), { logger: false });
  await nest.listen(port + 1, '127.0.0.1');
}

async function responder(prefix: string): Promise<void> {
  // The bench's own database (the bench passes DATABASE_URL to the services and to this process alike).
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS raw;
    CREATE TABLE IF NOT EXISTS raw.producer (id uuid PRIMARY KEY, type text NOT NULL, name text NOT NULL,
      business_registration_number text NOT NULL UNIQUE, representative_name text NOT NULL, phone text NOT NULL,
      address text NOT NULL, commune_code text NOT NULL, woman_led boolean NOT NULL, ethnic_minority boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS raw.audit_log (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), occurred_at timestamptz NOT NULL,
      actor_id text NOT NULL, action text NOT NULL, entity_id text NOT NULL, details jsonb);
    CREATE TABLE IF NOT EXISTS raw.outbox (id uuid PRIMARY KEY, subject text NOT NULL, envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz)`);
  const nc = await connect({ servers: natsUrl });
  const create = async (m: Msg) => {
    const p = m.json<Record<string, unknown>>();
    const id = randomUUID();
    const at = new Date();
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO raw.producer (id, type, name, business_registration_number, representative_name, phone, address,
           commune_code, woman_led, ethnic_minority) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          p.type,
          p.name,
          p.businessRegistrationNumber,
          p.representativeName,
          p.phone,
          p.address,
          p.communeCode,
          p.womanLed,
          p.ethnicMinority,
        ],
      );
      await c.query('INSERT INTO raw.audit_log (occurred_at, actor_id, action, entity_id, details) VALUES ($1, $2, $3, $4, $5)', [
        at,
        'bench',
        'producer.create',
        id,
        JSON.stringify({ name: p.name }),
      ]);
      await c.query('INSERT INTO raw.outbox (id, subject, envelope) VALUES ($1, $2, $3)', [
        randomUUID(),
        'raw.events.producer-created',
        JSON.stringify({ id, type: 'producer-created', time: at.toISOString(), data: { producerId: id, ...p } }),
      ]);
      await c.query('COMMIT');
      m.respond(JSON.stringify({ ok: true, data: { id, ...p } }));
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      m.respond(JSON.stringify({ ok: false, error: { message: (err as Error).message } }));
    } finally {
      c.release();
    }
  };
  const units = async (m: Msg) => {
    const { rows } = await pool.query(
      `SELECT code, level, name, parent_code, province_code, district_code FROM registration.administrative_unit ORDER BY code`,
    );
    m.respond(JSON.stringify({ ok: true, data: rows }));
  };
  nc.subscribe(`${prefix}.producer.create`, { queue: 'raw', callback: (_e, m) => void create(m) });
  nc.subscribe(`${prefix}.units.list`, { queue: 'raw', callback: (_e, m) => void units(m) });
  await nc.flush();
  process.send?.('ready');
}

const started = role === 'http' ? http(Number(args[0]), args[1]!) : role === 'responder' ? responder(args[0]!) : undefined;
if (!started) {
  console.error('usage: raw-path.ts http <port> <prefix> | responder <prefix>');
  process.exit(2);
}
started.catch((err) => {
  console.error(err);
  process.exit(1);
});
