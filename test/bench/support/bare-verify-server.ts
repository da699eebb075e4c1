// bench:verify's baseline (a child process, like the services it is compared with): a bare Fastify server
// answering GET /api/public/certificates/:code and GET /verify/:code from an in-memory Map of every
// certificate's public record — the same records certification returns (its own VerifyCertificateQuery,
// read once at start), turned into the same view and page by the gateway's own publicView and
// renderVerificationPage. No Nest, no hooks, guards, helmet or metrics, no NATS. Prints `ready` when listening.
// It also answers GET /pk/:code with one PostgreSQL lookup of the certificate by its unique code per request: the
// baseline of the gateway's cold path (cache TTL 0).
// Env: DATABASE_URL (the bench database), PORT.
import Fastify from 'fastify';
import { Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { VerifyCertificateQuery } from '../../../services/certification/src/certificates/verify-certificate.query';
import { CertificatesRepository } from '../../../services/certification/src/certificates/certificates.repository';
import { publicView } from '../../../services/gateway/src/public/public.controller';
import type { PublicCertificateRecord } from '@ocop/contracts';
import { loadToolConfig } from '../../../tools/config';
import type { VerificationCache } from '../../../services/gateway/src/public/verification.cache';
import { renderNotValidPage, renderVerificationPage } from '../../../services/gateway/src/public/verification.page';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: loadToolConfig().env.DATABASE_URL, max: 8, application_name: 'bench-bare-verify' });
  const queries = new VerifyCertificateQuery(
    new CertificatesRepository({
      query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
      // What preparedQuery asks of a DataSource: a runner that lends one pooled connection.
      createQueryRunner: () => {
        let client: PoolClient | undefined;
        return { connect: async () => (client = await pool.connect()), release: async () => client?.release() };
      },
    } as unknown as DataSource),
  );
  const codes = (await pool.query<{ code: string }>('SELECT code FROM certification.certificate')).rows.map((r) => r.code);
  const records = new Map<string, PublicCertificateRecord>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < codes.length) {
        const code = codes[next++]!;
        const r = await queries.execute(code);
        if (r) records.set(code, r as PublicCertificateRecord);
      }
    }),
  );
  const cache = { get: async (code: string) => records.get(code) ?? null } as unknown as VerificationCache;

  const app = Fastify({ logger: false });
  app.get('/health/ready', async () => ({ status: 'ok', records: records.size }));
  app.get<{ Params: { code: string }; Querystring: { s?: string } }>('/api/public/certificates/:code', async (req, reply) => {
    const view = await publicView(cache, req.params.code, req.query.s);
    reply.header('cache-control', 'no-store');
    if (!view) return reply.code(404).send({ code: 'CERTIFICATE_NOT_VALID' });
    return view;
  });
  app.get<{ Params: { code: string }; Querystring: { s?: string } }>('/verify/:code', async (req, reply) => {
    const view = await publicView(cache, req.params.code, req.query.s);
    return reply
      .code(view ? 200 : 404)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(view ? renderVerificationPage(view) : renderNotValidPage(req.params.code));
  });
  app.get<{ Params: { code: string } }>('/pk/:code', async (req, reply) => {
    const { rows } = await pool.query('SELECT * FROM certification.certificate WHERE code = $1', [req.params.code]);
    reply.header('cache-control', 'no-store');
    return rows[0] ? rows[0] : reply.code(404).send({ code: 'CERTIFICATE_NOT_VALID' });
  });
  await app.listen({ port: Number(loadToolConfig().env.PORT), host: '127.0.0.1' });
  process.stdout.write(`ready ${records.size}\n`);
  process.on('SIGTERM', () => void app.close().then(() => pool.end().finally(() => process.exit(0))));
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
