import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { CertificatePoolRepository } from '../src/certificate-pool/certificate-pool.repository';
import { PooledCertificate } from '../src/certificate-pool/pooled-certificate.entity';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The certificate pool against PostgreSQL: once-only entry, final statuses, risk facts and the coverage report's scope. */
describe('CertificatePoolRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: CertificatePoolRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new CertificatePoolRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  const issued = (o: Partial<PooledCertificate> = {}) => ({
    certificateId: randomUUID(),
    number: `GCN-${randomUUID().slice(0, 6)}`,
    code: `OCOP-${randomUUID().slice(0, 8)}`,
    productId: randomUUID(),
    productName: 'Nước mắm',
    productSetCode: 'FISH_SAUCE',
    productGroup: 'FOOD',
    producerId: randomUUID(),
    provinceCode: '60',
    authorityUnitCode: '60',
    stars: 3,
    validFrom: at('2030-01-01T00:00:00Z'),
    validTo: at('2033-01-01T00:00:00Z'),
    issuedAt: at('2030-01-02T00:00:00Z'),
    ...o,
  });

  it('adds a certificate ACTIVE once, and never undoes a final status', async () => {
    const c = issued();
    await ds.transaction((tx) => repo.addIfAbsent(tx, c));
    await ds.transaction((tx) => repo.addIfAbsent(tx, { ...c, number: 'ignored' }));
    expect(await ds.manager.findOneByOrFail(PooledCertificate, { certificateId: c.certificateId })).toMatchObject({
      number: c.number,
      status: 'ACTIVE',
      updatedAt: c.issuedAt,
    });
    await ds.transaction((tx) => repo.setStatus(tx, c.certificateId, 'REVOKED', at('2031-01-01T00:00:00Z')));
    await ds.transaction((tx) => repo.setStatus(tx, c.certificateId, 'EXPIRING', at('2031-02-01T00:00:00Z')));
    expect(await ds.manager.findOneByOrFail(PooledCertificate, { certificateId: c.certificateId })).toMatchObject({
      status: 'REVOKED',
      updatedAt: at('2031-01-01T00:00:00Z'),
    });
  });

  it('finds a report’s certificate by id or by code', async () => {
    const c = await f.certificate();
    expect((await ds.transaction((tx) => repo.findNamedForSystem(tx, c.certificateId, undefined)))?.number).toBe(c.number);
    expect((await ds.transaction((tx) => repo.findNamedForSystem(tx, undefined, c.code)))?.number).toBe(c.number);
    expect(await ds.transaction((tx) => repo.findNamedForSystem(tx, undefined, 'OCOP-none'))).toBeNull();
  });

  it('gives a province’s active certificates with their risk facts', async () => {
    const c = await f.certificate({ provinceCode: '62', authorityUnitCode: '62' });
    await f.certificate({ provinceCode: '62', status: 'REVOKED' });
    await f.certificate({ provinceCode: '64' });
    const complaint = await f.campaign({ origin: 'COMPLAINT', provinceCode: '62' });
    const t = await f.task(complaint, c, { status: 'COMPLETED', completedAt: at('2031-02-01T00:00:00Z') });
    await f.violation(t, { severity: 'MAJOR' });
    await f.violation(t, { severity: 'MINOR' });
    const pool = await ds.transaction((tx) => repo.riskPool(tx, '62', at('2031-03-01T00:00:00Z')));
    expect(pool).toEqual([
      expect.objectContaining({
        certificateId: c.certificateId,
        unitCodes: ['62', '62'],
        lastInspectedAt: at('2031-02-01T00:00:00Z'),
        priorViolations: 1,
        complaints: 1,
      }),
    ]);
  });

  it('reports coverage within the scope only, inspected or not', async () => {
    const seen = await f.certificate({ provinceCode: '66', number: 'A-1' });
    const unseen = await f.certificate({ provinceCode: '66', number: 'A-2' });
    const elsewhere = await f.certificate({ provinceCode: '68', number: 'A-3' });
    await f.task(await f.campaign({ provinceCode: '66' }), seen, { status: 'COMPLETED', completedAt: at('2031-02-01T00:00:00Z') });
    const rows = await repo.coverage({ kind: 'province', provinceCode: '66' }, at('2031-03-01T00:00:00Z'), null);
    expect(rows.map((r) => [r.certificateId, r.inspected])).toEqual([
      [seen.certificateId, true],
      [unseen.certificateId, false],
    ]);
    expect((await repo.coverage({ kind: 'province', provinceCode: '66' }, at('2032-06-01T00:00:00Z'), 12)).map((r) => r.inspected)).toEqual(
      [false, false],
    );
    expect((await repo.coverage(SYSTEM_SCOPE, at('2031-03-01T00:00:00Z'), null)).map((r) => r.certificateId)).toContain(
      elsewhere.certificateId,
    );
  });
});
