import { randomUUID } from 'node:crypto';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppError, HEADERS, ListUnitsQuery, RegistrationSubjects as S, Role, deadLetterSubjects, type Actor } from '@ocop/contracts';
import { Caller, Handles, RpcController, type RpcContext } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import { currentContext, now } from '@ocop/observability';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { msgTestServiceSpec } from './support/msgtest-db';

const officer: Actor = {
  id: randomUUID(),
  username: 'xa',
  role: Role.COMMUNE_OFFICER,
  scope: { provinceCode: '38', communeCode: '16279' },
};
const producer: Actor = { id: randomUUID(), username: 'sx', role: Role.PRODUCER, scope: { provinceCode: '38', producerId: randomUUID() } };

/** A test edge on real subjects of the registry (their contracts and roles are what the guard and the pipe read). */
@RpcController()
class TestHandler {
  @Handles(S.unitsList)
  units(@Payload() q: ListUnitsQuery, @Caller() call: RpcContext) {
    const ctx = currentContext();
    return {
      q,
      isQuery: q instanceof ListUnitsQuery,
      actorId: call.actor?.id,
      asOf: call.asOf.toISOString(),
      ctx,
      now: now().toISOString(),
    };
  }

  @Handles(S.producerCreate)
  fail(@Payload() c: { communeCode?: string }) {
    if (c.communeCode === '00000') throw AppError.conflict('PRODUCER_EXISTS', 'already there', 'taxCode');
    throw new Error('boom');
  }
}

/**
 * The NATS edge of a service as Nest microservice controllers: plain JSON in and out, the registry's roles
 * checked, the payload validated into the registry's contract class, errors as typed replies, the request's
 * headers as the handler's context; start-up refuses a subject nobody declared or answered twice.
 */
describe('BusServer and RPC controllers', () => {
  let env: TestEnv;
  let app: NestFastifyApplication;
  let nc: NatsConnection;

  const spec = (controllers: (new () => object)[]) => msgTestServiceSpec(env, controllers);

  const call = async (subject: string, body: string, o: { actor?: Actor; asOf?: string; correlationId?: string; source?: string } = {}) => {
    const h = natsHeaders();
    if (o.actor) h.set(HEADERS.actor, JSON.stringify(o.actor));
    if (o.asOf) h.set(HEADERS.asOf, o.asOf);
    if (o.source) h.set(HEADERS.asOfSource, o.source);
    if (o.correlationId) h.set(HEADERS.correlationId, o.correlationId);
    const msg = await nc.request(`${env.prefix}.${subject}`, new TextEncoder().encode(body), { headers: h, timeout: 5_000 });
    return JSON.parse(msg.string()) as { ok: boolean; data?: Record<string, unknown>; error?: Record<string, unknown> };
  };

  beforeAll(async () => {
    env = await createTestEnv();
    nc = await connect({ servers: env.natsUrl });
    app = await createServiceApp(spec([TestHandler]));
    await app.init();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await env?.cleanup();
  });

  it('answers plain JSON with the payload validated into its contract class and the headers as context', async () => {
    const correlationId = randomUUID();
    const reply = await call(S.unitsList, '{"level":"COMMUNE"}', { actor: officer, asOf: '2025-07-01T00:00:00+07:00', correlationId });
    expect(reply).toEqual({
      ok: true,
      data: {
        q: { level: 'COMMUNE' },
        isQuery: true,
        actorId: officer.id,
        asOf: '2025-06-30T17:00:00.000Z',
        ctx: expect.objectContaining({ correlationId, asOf: '2025-06-30T17:00:00.000Z', asOfSource: 'request' }),
        now: '2025-06-30T17:00:00.000Z',
      },
    });
  });

  it("runs the handler as of an event's or a job's time when the caller says so, and on the wall clock without an as-of", async () => {
    const asOf = '2024-03-05T02:00:00.000Z';
    for (const source of ['event', 'job']) {
      const reply = await call(S.unitsList, '{}', { actor: officer, asOf, source });
      expect(reply.data).toMatchObject({ ctx: expect.objectContaining({ asOf, asOfSource: source }), now: asOf });
    }
    const wall = Date.now();
    const plain = await call(S.unitsList, '{}', { actor: officer });
    expect(plain.data?.ctx).not.toHaveProperty('asOf');
    expect(new Date(plain.data?.now as string).getTime()).toBeGreaterThanOrEqual(wall);
  });

  it('refuses a caller the registry does not list, or none, before reading the payload', async () => {
    expect(await call(S.producerCreate, '{}', { actor: producer })).toMatchObject({
      ok: false,
      error: { kind: 'FORBIDDEN', code: 'ROLE_FORBIDDEN' },
    });
    expect(await call(S.unitsList, '{}')).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED', code: 'ACTOR_MISSING' } });
  });

  it('refuses a payload its contract refuses, or that is not JSON, naming the field', async () => {
    expect(await call(S.unitsList, '{"level":"GALAXY"}', { actor: officer })).toMatchObject({
      ok: false,
      error: { kind: 'VALIDATION', code: 'VALIDATION_FAILED', field: 'level' },
    });
    expect(await call(S.unitsList, '{"nope":1}', { actor: officer })).toMatchObject({ ok: false, error: { field: 'nope' } });
    expect(await call(S.unitsList, '{"level":', { actor: officer })).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_JSON', field: 'body' },
    });
    expect(await call(S.unitsList, '{}', { actor: officer, asOf: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'AS_OF_INVALID' },
    });
  });

  it('turns a typed error into its reply and an unexpected one into INTERNAL without its message', async () => {
    const valid = {
      type: 'HOUSEHOLD_BUSINESS',
      name: 'Hộ kinh doanh Lê Văn A',
      businessRegistrationNumber: '38A8012345',
      representativeName: 'Lê Văn A',
      phone: '0912345678',
      address: 'Thôn 3, xã Xuân Lập',
      communeCode: '00000',
      womanLed: false,
      ethnicMinority: false,
    };
    const typed = await call(S.producerCreate, JSON.stringify(valid), { actor: officer });
    const other = await call(S.producerCreate, JSON.stringify({ ...valid, communeCode: '16279' }), { actor: officer });
    if (typed.error?.code === 'VALIDATION_FAILED')
      throw new Error(`the sample command no longer passes its contract: ${JSON.stringify(typed)}`);
    expect(typed).toEqual({ ok: false, error: { kind: 'CONFLICT', code: 'PRODUCER_EXISTS', message: 'already there', field: 'taxCode' } });
    expect(other).toMatchObject({ ok: false, error: { kind: 'INTERNAL' } });
    expect(JSON.stringify(other)).not.toContain('boom');
  });

  it('counts each answer in the request metrics under its outcome, a typed error under its kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/ocop_rpc_duration_seconds_count\{[^}]*subject="registration\.units\.list"[^}]*outcome="ok"[^}]*\} [1-9]/);
    expect(res.body).toMatch(
      /ocop_rpc_duration_seconds_count\{[^}]*subject="registration\.producer\.create"[^}]*outcome="CONFLICT"[^}]*\} [1-9]/,
    );
  });

  it("answers the service's dead-letter admin subjects for an admin only", async () => {
    const admin: Actor = { id: randomUUID(), username: 'admin', role: Role.ADMIN, scope: { provinceCode: '38' } };
    const subjects = deadLetterSubjects('registration');
    expect(await call(subjects.list, '{}', { actor: admin })).toEqual({ ok: true, data: [] });
    expect(await call(subjects.list, '{}', { actor: officer })).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDDEN' } });
    expect(await call(subjects.replay, JSON.stringify({ id: randomUUID() }), { actor: admin })).toMatchObject({
      ok: false,
      error: { code: 'DEAD_LETTER_NOT_FOUND' },
    });
    expect(await call(subjects.replay, '{"id":"x"}', { actor: admin })).toMatchObject({ ok: false, error: { field: 'id' } });
  });

  it('refuses to start with a handler for a subject no contract declares, or two handlers for one subject', async () => {
    @RpcController()
    class Twice {
      @Handles(S.unitsList)
      units() {
        return [];
      }
    }
    await expect(createServiceApp(spec([TestHandler, Twice]))).rejects.toThrow(/two handlers for the subject registration\.units\.list/);
    expect(() => Handles('registration.nothing.here')).toThrow(/registration\.nothing\.here/);
  });
});
