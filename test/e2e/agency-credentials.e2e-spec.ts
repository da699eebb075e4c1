import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { accountUserCreds, agencyKeysOf, createOperatorSetup, operatorModeServerConfig, type OperatorSetup } from '@ocop/messaging';
import { eventually, startOwnNatsServer, type OwnNatsServer } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { communeAssessmentOf, newProducer, proposedDossier, treeFor } from '../support/scoring';
import { createHealthAgencyApp } from '../../agencies/health/src/health-agency.app';
import { loadHealthAgencyConfig } from '../../agencies/health/src/config/health-agency.config';

/**
 * Issue 16, credentials that confine: the platform runs on a real nats-server in operator mode (its own, started with
 * the generated configuration, the services connecting with the platform account's .creds); an admin registers an
 * agency with its grants, issues its service a NATS credential through the API and revokes it; the agency is confined
 * to its grants and refused at once after the revocation.
 */
describe('agency NATS credentials through the API', () => {
  let setup: OperatorSetup;
  let server: OwnNatsServer;
  let p: Platform;
  let db: DataSource;
  let admin: string;
  const open: NatsConnection[] = [];
  const ISSUED = 'ocop.events.certification.certificate-issued.v1';

  const connectWith = async (creds: string, inboxPrefix: string): Promise<NatsConnection> => {
    const nc = await connect({
      servers: server.url,
      authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
      inboxPrefix,
      reconnect: false,
    });
    open.push(nc);
    return nc;
  };
  const count = async (sql: string): Promise<number> => Number((await db.query(sql))[0].n);

  beforeAll(async () => {
    setup = await createOperatorSetup('ocop', 'OCOP_EVENTS');
    server = await startOwnNatsServer((dir) => operatorModeServerConfig(setup, { resolver: `${dir}/jwt`, jetstream: `${dir}/js` }));
    // The whole platform runs on that server too, as the platform account's user (NATS_CREDS_FILE).
    const credsFile = join(server.dir, 'platform.creds');
    await writeFile(credsFile, await accountUserCreds(setup.seeds.platform, 'platform'));
    p = await startPlatform({
      nats: { url: server.url, credsFile },
      bus: { prefix: 'ocop', stream: 'OCOP_EVENTS' }, // the names the accounts' exports and the agencies' grants were made with
      gateway: {
        loginRateLimit: 1000,
        agencyNats: { keys: agencyKeysOf(setup), resolverUrl: server.url, systemCreds: await accountUserCreds(setup.seeds.system, 'sys') },
      },
    });
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
  });

  afterAll(async () => {
    for (const nc of open) await nc.close().catch(() => undefined);
    await db?.destroy();
    await p?.stop();
    await server?.stop();
  });

  it('registers an agency, issues a credential that confines it, and revokes it at once', async () => {
    // The services answer each other over the operator-mode server (the gateway asks registration).
    expect((await p.http('GET', '/api/units?level=PROVINCE', { token: admin })).status).toBe(200);
    const put = await p.http('PUT', '/api/agencies/SYT', {
      token: admin,
      body: { name: 'Sở Y tế tỉnh Thanh Hóa', eventTypes: ['certification.certificate-issued.v1'] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ code: 'SYT', name: 'Sở Y tế tỉnh Thanh Hóa', eventTypes: ['certification.certificate-issued.v1'] });

    const issued = await p.http('POST', '/api/agencies/SYT/credentials', { token: admin });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      agencyCode: 'SYT',
      subjectSpace: 'ocop.agency.SYT.>',
      inboxPrefix: '_INBOX_SYT',
      eventTypes: ['certification.certificate-issued.v1'],
      revokedAt: null,
    });
    expect(issued.body.creds).toContain('BEGIN NATS USER JWT');

    const agency = await connectWith(issued.body.creds, issued.body.inboxPrefix);
    const granted = agency.subscribe(ISSUED);
    const refused = agency.subscribe('ocop.events.certification.certificate-revoked.v1');
    await agency.flush();
    expect(String(await refused.closed)).toMatch(/Permissions Violation for Subscription/);
    expect(granted.isClosed()).toBe(false);

    // The seed is shown once: the listing has the user key, not the creds.
    const listed = await p.http('GET', '/api/agencies/SYT/credentials', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: issued.body.id, userKey: issued.body.userKey })]);
    expect(JSON.stringify(listed.body)).not.toContain('NATS USER JWT');

    const closed = agency.closed();
    const revoked = await p.http('DELETE', `/api/agencies/SYT/credentials/${issued.body.id}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await closed;
    await expect(connectWith(issued.body.creds, '_INBOX_SYT')).rejects.toThrow(/Authorization Violation/i);

    // Revoking again answers the first revocation and records nothing new.
    const again = await p.http('DELETE', `/api/agencies/SYT/credentials/${issued.body.id}`, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audit: { action: string }[] = await db.query(
      `SELECT action FROM gateway.audit_log WHERE action LIKE 'agency.%' ORDER BY occurred_at, action`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['agency.credential.issue', 'agency.credential.revoke', 'agency.put']);
  });

  it('refuses bad input and other roles with problem+json, leaving no rows', async () => {
    const before = await count('SELECT count(*) AS n FROM gateway.agency_credential');
    const cases: [string, string, unknown, number, string, string | undefined][] = [
      ['PUT', '/api/agencies/S.T', { name: 'Sở Công Thương', eventTypes: [] }, 400, 'VALIDATION_FAILED', 'code'],
      ['PUT', '/api/agencies/sct', { name: 'Sở Công Thương', eventTypes: [] }, 400, 'VALIDATION_FAILED', 'code'],
      [
        'PUT',
        '/api/agencies/SCT',
        { name: 'Sở Công Thương', eventTypes: ['certification.nothing.v1'] },
        400,
        'VALIDATION_FAILED',
        'eventTypes',
      ],
      [
        'PUT',
        '/api/agencies/SCT',
        { name: 'Sở Công Thương', eventTypes: ['agency.market-surveillance-reported.v1'] },
        400,
        'VALIDATION_FAILED',
        'eventTypes',
      ],
      ['PUT', '/api/agencies/SCT', { eventTypes: [] }, 400, 'VALIDATION_FAILED', 'name'],
      ['POST', '/api/agencies/NOPE/credentials', undefined, 404, 'AGENCY_NOT_FOUND', 'code'],
      ['DELETE', '/api/agencies/SYT/credentials/not-a-uuid', undefined, 400, 'VALIDATION_FAILED', 'credentialId'],
      [
        'DELETE',
        '/api/agencies/SYT/credentials/00000000-0000-4000-8000-000000000000',
        undefined,
        404,
        'AGENCY_CREDENTIAL_NOT_FOUND',
        'credentialId',
      ],
    ];
    for (const [method, url, body, status, code, field] of cases) {
      const res = await p.http(method, url, { token: admin, body });
      expect({ url, body, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ url, body, status, code, field });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    for (const user of ['province.office', 'agency.officer']) {
      const token = await p.login(user);
      expect((await p.http('POST', '/api/agencies/SYT/credentials', { token })).status).toBe(403);
      expect((await p.http('GET', '/api/agencies', { token })).status).toBe(403);
    }
    expect((await p.http('GET', '/api/agencies')).status).toBe(401);
    expect(await count('SELECT count(*) AS n FROM gateway.agency_credential')).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM gateway.agency WHERE code = 'SCT'`)).toBe(0);
  });

  it("an agency's service reads its granted events durably on its own consumer and answers on its subject (Health on the SDK, with its credential)", async () => {
    const office = await p.login('province.office');
    const officer = await p.login('commune.officer');
    const put = await p.http('PUT', '/api/agencies/SYT', {
      token: admin,
      body: { name: 'Sở Y tế tỉnh Thanh Hóa', eventTypes: ['registration.opinion-requested.v1'] },
    });
    expect(put.status).toBe(200);
    const issued = await p.http('POST', '/api/agencies/SYT/credentials', { token: admin });
    expect(issued.status).toBe(201);
    const durable = 'agency-SYT-registration_opinion-requested_v1';
    expect(issued.body).toMatchObject({ stream: 'OCOP_EVENTS', consumers: [{ eventType: 'registration.opinion-requested.v1', durable }] });
    const credsFile = join(server.dir, 'syt.creds');
    await writeFile(credsFile, issued.body.creds);
    expect(
      (await p.http('PUT', '/api/opinion-rules/FOOD', { token: office, body: { agencies: [{ agencyCode: 'SYT', dueDays: 10 }] } })).status,
    ).toBe(200);

    // Its credential reaches its own consumer's API only: another agency's consumer, or creating one, is refused.
    const agency = await connectWith(issued.body.creds, '_INBOX_SYT');
    await expect(
      agency.request('JS.ocop.API.CONSUMER.INFO.OCOP_EVENTS.agency-SCT-registration_opinion-requested_v1', '', { timeout: 2_000 }),
    ).rejects.toThrow(/permissions violation|no responders|timeout/i);
    await expect(agency.request('JS.ocop.API.CONSUMER.CREATE.OCOP_EVENTS', '{}', { timeout: 2_000 })).rejects.toThrow(
      /permissions violation|no responders|timeout/i,
    );
    const info = await agency.request(`JS.ocop.API.CONSUMER.INFO.OCOP_EVENTS.${durable}`, '', { timeout: 5_000 });
    expect({ reply: info.string() }).toEqual({ reply: expect.stringContaining(`"name":"${durable}"`) });

    const tree = await treeFor(p, admin, '148', '04');
    const producer = await newProducer(p, officer, 'Hợp tác xã Mật ong Thường Xuân');
    const health = () =>
      createHealthAgencyApp(
        loadHealthAgencyConfig({
          OCOP_MODE: 'test',
          NATS_URL: server.url,
          NATS_CREDS_FILE: credsFile,
          OCOP_SUBJECT_PREFIX: 'ocop',
          OCOP_STREAM: 'OCOP_EVENTS',
          LOG_LEVEL: 'silent',
        }),
      );
    const opinionOf = (dossier: string) =>
      eventually(
        async () =>
          (
            (await p.http('GET', `/api/dossiers/${dossier}/opinions`, { token: office })).body as { status: string; givenVia: string }[]
          ).find((o) => o.status === 'GIVEN'),
        20_000,
        `Health's opinion on ${dossier}`,
      );
    let app = await health();
    try {
      const first = await proposedDossier(p, officer, producer, 'Mật ong hoa rừng', { assessment: communeAssessmentOf(tree) });
      expect(await opinionOf(first)).toMatchObject({ givenVia: 'NATS' });
      // Proposed while its service is down: the request waits in its consumer and is answered once it is back.
      await app.close();
      const second = await proposedDossier(p, officer, producer, 'Mật ong bạc hà', { assessment: communeAssessmentOf(tree) });
      await new Promise((r) => setTimeout(r, 1_000));
      expect(((await p.http('GET', `/api/dossiers/${second}/opinions`, { token: office })).body as { status: string }[])[0]?.status).toBe(
        'REQUESTED',
      );
      app = await health();
      expect(await opinionOf(second)).toMatchObject({ givenVia: 'NATS' });
    } finally {
      await app.close();
    }
  });

  it('docs/agency-guide.md works as written: register, issue, connect, run the plain-Node service, and its first answer', async () => {
    const guide = readFileSync(resolve(__dirname, '..', '..', 'docs', 'agency-guide.md'), 'utf8');
    /** The code block after a `<!-- guide:<step> -->` marker. */
    const block = (step: string): string => {
      const m = new RegExp(`<!-- guide:${step} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(guide);
      if (!m) throw new Error(`docs/agency-guide.md has no block guide:${step}`);
      return m[1]!;
    };
    /** An HTTP block: its method, path and JSON body (the headers are the test's own tokens). */
    const httpOf = (step: string) => {
      const [head, body] = block(step).split(/\n\s*\n/);
      const [method, path] = head!.split('\n')[0]!.split(' ');
      return { method: method!, path: path!, body: body?.trim() ? JSON.parse(body) : undefined };
    };

    const register = httpOf('register');
    expect((await p.http(register.method, register.path, { token: admin, body: register.body })).status).toBe(200);
    const issue = httpOf('issue');
    const issued = await p.http(issue.method, issue.path, { token: admin });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ agencyCode: 'SNNMT', inboxPrefix: '_INBOX_SNNMT', stream: 'OCOP_EVENTS' });

    // Step 3's settings, the URL and file being this test's server and file.
    const credsFile = join(server.dir, 'snnmt.creds');
    await writeFile(credsFile, issued.body.creds, { mode: 0o600 });
    const settings = Object.fromEntries(
      block('settings')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    expect(Object.keys(settings)).toEqual(['NATS_URL', 'NATS_CREDS_FILE', 'OCOP_SUBJECT_PREFIX', 'OCOP_STREAM']);
    const [command, ...args] = block('run').trim().split(' ');
    expect(command).toBe('node');
    const service = spawn(process.execPath, args, {
      cwd: resolve(__dirname, '..', '..'),
      env: { ...process.env, ...settings, NATS_URL: server.url, NATS_CREDS_FILE: credsFile, OCOP_MODE: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    service.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    service.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await eventually(async () => log.includes('answers ENVIRONMENT guidance questions'), 20_000, `the service to start: ${log}`);
      const officer = await p.login('commune.officer');
      const producer = await newProducer(p, officer, 'Hợp tác xã Dược liệu Ngọc Lặc');
      const product = await p.http('POST', '/api/products', {
        token: officer,
        body: { producerId: producer, name: 'Trà hoa vàng', productSetCode: '17' },
      });
      const dossier = await p.http('POST', '/api/dossiers', { token: officer, body: { productId: product.body.id, kind: 'NEW' } });
      expect(dossier.status).toBe(201);
      const ask = httpOf('ask');
      const asked = await p.http(ask.method, ask.path.replace('{dossierId}', dossier.body.id), { token: officer, body: ask.body });
      expect(asked.status).toBe(201);
      const thread = await eventually(
        async () =>
          (
            (await p.http('GET', `/api/dossiers/${dossier.body.id}/guidance`, { token: officer })).body as {
              status: string;
              messages: { side: string; text: string }[];
            }[]
          ).find((t) => t.status === 'ANSWERED'),
        20_000,
        `the answer of the guide's service: ${log}`,
      );
      expect(thread.messages.map((m) => m.side)).toEqual(['ASKER', 'AGENCY']);
      expect(thread.messages[1]!.text).toContain('Luật Bảo vệ môi trường');
    } finally {
      service.kill('SIGTERM');
      await new Promise((r) => service.once('exit', r));
    }
  });

  it('records no revocation when the resolver does not take it (503), so the admin can try again', async () => {
    const issued = await p.http('POST', '/api/agencies/SYT/credentials', { token: admin });
    expect(issued.status).toBe(201);
    await server.kill();

    const res = await p.http('DELETE', `/api/agencies/SYT/credentials/${issued.body.id}`, { token: admin });

    expect(res.status).toBe(503);
    expect(res.body.code).toBe('NATS_RESOLVER_UNAVAILABLE');
    const [row] = await db.query(`SELECT revoked_at FROM gateway.agency_credential WHERE id = $1`, [issued.body.id]);
    expect(row.revoked_at).toBeNull();

    // Once the server is back, the same revocation goes through.
    await server.start();
    await eventually(
      async () => (await p.http('DELETE', `/api/agencies/SYT/credentials/${issued.body.id}`, { token: admin })).status === 200,
    );
  });
});
