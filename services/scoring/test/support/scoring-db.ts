import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, type Actor } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { openServiceTestDatabase, type ServiceTestDatabase } from '@ocop/testing';
import { SCORING_DATABASE } from '../../src/database/scoring.database';
import { CatalogueRevision } from '../../src/catalogue/catalogue-revision.entity';
import { Council } from '../../src/councils/council.entity';
import { CouncilMember } from '../../src/councils/council-member.entity';
import { Evaluation } from '../../src/evaluations/evaluation.entity';
import { Session } from '../../src/sessions/session.entity';
import { SessionItem } from '../../src/sessions/session-item.entity';

/** One test file's scoring database: cloned from the migrated template, with a DataSource on the scoring schema. */
export type ScoringDb = ServiceTestDatabase;

export const openScoringDb = (name: string): Promise<ScoringDb> => openServiceTestDatabase(SCORING_DATABASE, name);

export const actor = (role: Role, scope: Actor['scope'], id: string = randomUUID()): Actor => ({
  id,
  username: `${role}-${id}`,
  role,
  scope,
});

export async function insertCouncil(
  ds: DataSource,
  o: { tier: string; unitCode: string; provinceCode: string; memberUserIds?: string[] },
): Promise<{ council: Council; members: CouncilMember[] }> {
  const council = Object.assign(new Council(), {
    id: randomUUID(),
    name: `Hội đồng ${o.tier} ${o.unitCode}`,
    tier: o.tier,
    unitCode: o.unitCode,
    provinceCode: o.provinceCode,
    authorityName: 'UBND',
    placeName: 'Nơi',
    quorum: 1,
    chairRequired: false,
    spreadLimit: 1000,
    createdBy: 'test',
  });
  await ds.manager.insert(Council, council);
  const members = (o.memberUserIds ?? []).map((userId, i) =>
    Object.assign(new CouncilMember(), {
      id: randomUUID(),
      councilId: council.id,
      userId,
      fullName: `Thành viên ${i + 1}`,
      agency: 'Sở',
      role: i === 0 ? 'CHAIR' : 'MEMBER',
      position: i + 1,
    }),
  );
  if (members.length) await ds.manager.insert(CouncilMember, members);
  return { council, members };
}

export async function insertEvaluation(
  ds: DataSource,
  o: Partial<Evaluation> & { provinceCode: string; tier: string },
): Promise<Evaluation> {
  const e = Object.assign(new Evaluation(), {
    id: randomUUID(),
    dossierId: randomUUID(),
    dossierCode: `HS-${randomUUID().slice(0, 8)}`,
    dossierKind: 'NEW',
    productId: randomUUID(),
    productName: 'Sản phẩm',
    productSetCode: '04',
    producerId: randomUUID(),
    producerName: 'Chủ thể',
    unitCode: o.tier === 'CENTRAL' ? 'VN' : o.provinceCode,
    districtCode: null,
    communeCode: `${o.provinceCode}001`,
    legalVersion: '148+1489',
    filedAt: new Date('2025-03-01T00:00:00Z'),
    communeAssessment: null,
    labState: 'NOT_REQUIRED',
    labReference: null,
    status: 'AWAITING_SESSION',
    sessionId: null,
    forwardedFrom: null,
    lastDeferral: null,
    result: null,
    ...o,
  });
  await ds.manager.insert(Evaluation, e);
  return e;
}

export async function insertSession(ds: DataSource, councilId: string, status = 'OPEN'): Promise<Session> {
  const s = Object.assign(new Session(), {
    id: randomUUID(),
    councilId,
    reference: `BB-${randomUUID()}`,
    title: 'Phiên',
    location: null,
    scheduledFor: new Date('2025-04-01T00:00:00Z'),
    status,
    presentMemberIds: [],
    minutes: null,
    closedAt: null,
    closedBy: null,
    createdBy: 'test',
  });
  await ds.manager.insert(Session, s);
  return s;
}

export async function insertCatalogueRevision(ds: DataSource): Promise<CatalogueRevision> {
  const r = Object.assign(new CatalogueRevision(), {
    id: randomUUID(),
    code: `TEST-${randomUUID().slice(0, 8)}`,
    revision: 1,
    titleVi: 'Bộ tiêu chí thử',
    legalVersions: ['148+1489'],
    status: 'FINAL',
    document: {},
    checksum: 'x',
    source: 'test',
    createdBy: 'test',
  });
  await ds.manager.save(CatalogueRevision, r);
  return r;
}

/** Puts the evaluation on the session's agenda (status SCHEDULED). */
export async function schedule(
  ds: DataSource,
  session: Session,
  e: Evaluation,
  catalogueRevisionId: string,
  position = 1,
): Promise<SessionItem> {
  const item = Object.assign(new SessionItem(), {
    sessionId: session.id,
    evaluationId: e.id,
    position,
    catalogueRevisionId,
    spreadFlagged: false,
    outcome: null,
  });
  await ds.manager.insert(SessionItem, item);
  await ds.manager.update(Evaluation, { id: e.id }, { status: 'SCHEDULED', sessionId: session.id });
  e.status = 'SCHEDULED';
  e.sessionId = session.id;
  return item;
}

/** Runs `second` in its own transaction that gives up on row locks after 300 ms: rejects when a lock is held. */
export function withShortLockTimeout<T>(ds: DataSource, second: (tx: Tx) => Promise<T>): Promise<T> {
  return ds.transaction(async (tx) => {
    await tx.query(`SET LOCAL lock_timeout = '300ms'`);
    return second(tx);
  });
}
