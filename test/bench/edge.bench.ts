/**
 * npm run bench:edge — the cost of the NATS edge itself: requests answered by a `@Handles` method on `BusServer` (Nest's
 * NATS transport with its guard, contract pipe and error filter) against the same work on a bare NATS responder (parse,
 * validate into the contract class, request context, reply), in one process, BENCH_EVENTS requests with 50 in flight,
 * BENCH_RUNS runs. Reported as requests/s of each and their ratio.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Payload } from '@nestjs/microservices';
import { connect } from '@nats-io/transport-node';
import pino from 'pino';
import { ListUnitsQuery, RegistrationSubjects as S, Role, commandSubject, validateInto } from '@ocop/contracts';
import { BusServer, Caller, Handles, RpcClient, RpcController, type RpcContext } from '@ocop/messaging';
import { runInContext } from '@ocop/observability';
import { loadToolConfig } from '../../tools/config';

@RpcController()
class H {
  @Handles(S.unitsList)
  units(@Payload() q: ListUnitsQuery, @Caller() c: RpcContext) {
    return [{ q, a: c.actor?.id }];
  }
}
@Module({ controllers: [H] })
class M {}

async function load(client: RpcClient, subject: string, n: number, inflight: number) {
  const actor = { id: 'u', username: 'u', role: Role.ADMIN, scope: { provinceCode: '38' } };
  let done = 0;
  const t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (done < n) {
        done++;
        await client.request(subject, { level: 'PROVINCE' }, { actor });
      }
    }),
  );
  return n / (Number(process.hrtime.bigint() - t) / 1e9);
}

async function main() {
  const config = loadToolConfig();
  const nc = await connect({ servers: config.infra.natsUrl });
  const prefix = `eb${Date.now()}`;
  const bus = new BusServer(nc, { prefix, queue: 'q' }, pino({ level: 'silent' }));
  const app = await NestFactory.create(M, new FastifyAdapter(), { logger: false });
  app.connectMicroservice({ strategy: bus });
  await app.init();
  await new Promise<void>((r) => void bus.listen(() => r()));
  // raw: what the old RpcServer did
  const raw = `${prefix}raw`;
  nc.subscribe(commandSubject(raw, S.unitsList), {
    queue: 'q',
    callback: (_e, msg) => {
      void runInContext({ correlationId: 'x' }, async () => {
        const actor = JSON.parse(msg.headers!.get('ocop-actor'));
        const q = validateInto(ListUnitsQuery, JSON.parse(msg.string()));
        msg.respond(JSON.stringify({ ok: true, data: [{ q, a: actor.id }] }));
      });
    },
  });
  const nest = new RpcClient(nc, prefix);
  const rawc = new RpcClient(nc, raw);
  const n = config.bench.events;
  await load(nest, S.unitsList, 1000, 50); // warm-up
  await load(rawc, S.unitsList, 1000, 50);
  const ratios: number[] = [];
  for (let i = 0; i < config.bench.runs; i++) {
    const bare = await load(rawc, S.unitsList, n, 50);
    const edge = await load(nest, S.unitsList, n, 50);
    ratios.push(edge / bare);
    console.log(`run ${i + 1}: bare responder ${Math.round(bare)} req/s, BusServer + @Handles ${Math.round(edge)} req/s`);
  }
  ratios.sort((a, b) => a - b);
  console.log(`ratio BusServer / bare (median): ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}`);
  await app.close();
  await nc.close();
}
void main();
