/**
 * npm run bench:scoring — closing a council session of MEMBERS scoring members × DOSSIERS dossiers
 * (MEMBERS × DOSSIERS sheets) in the scoring service, against a real PostgreSQL and NATS:
 * one transaction that reads every sheet, computes exact means, bands, caps and routing, writes the
 * results, the minutes and one outbox event per dossier. Reported beside the same computation done in
 * memory on the same sheets (the baseline: what the rules alone cost), as a ratio, with the heap and
 * RSS growth during the close. Medians of RUNS runs, each on its own session.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEMO,
  IdentitySubjects,
  commandSubject,
  RegistrationSubjects,
  Role,
  type Actor,
  type ResolvedUser,
  type UnitView,
} from '@ocop/contracts';
import {
  criteriaOf,
  evaluateDossier,
  routeEvaluation,
  scoreSheet,
  tierModelFor,
  treeForProductSet,
  Tier,
  type CriteriaTree,
  type SheetEntry,
} from '@ocop/domain';
import { adminQuery, answerSubject, dropDatabase, withDatabase } from '@ocop/testing';
import { connectNats } from '@ocop/messaging';
import { loadToolConfig } from '../../tools/config';
import { createScoringApp } from '../../services/scoring/src/scoring.app';
import { loadScoringConfig } from '../../services/scoring/src/config/scoring.config';
import { CatalogueLoader } from '../../services/scoring/src/catalogue/catalogue.loader';
import { CreateCouncilUseCase } from '../../services/scoring/src/councils/create-council.use-case';
import { CreateSessionUseCase } from '../../services/scoring/src/sessions/create-session.use-case';
import { AddToAgendaUseCase } from '../../services/scoring/src/sessions/add-to-agenda.use-case';
import { RecordAttendanceUseCase } from '../../services/scoring/src/sessions/record-attendance.use-case';
import { SubmitSheetUseCase } from '../../services/scoring/src/sessions/submit-sheet.use-case';
import { CloseSessionUseCase } from '../../services/scoring/src/sessions/close-session.use-case';
import { DataSource } from 'typeorm';

const MEMBERS = 15;
const DOSSIERS = 200;
const { runs: RUNS } = loadToolConfig().bench;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A deterministic pseudo-random sheet: each criterion takes option (seed + i) mod n, commune-assessed ones left out. */
function entriesFor(tree: CriteriaTree, seed: number, assessed: Set<string>): SheetEntry[] {
  return criteriaOf(tree)
    .filter((c) => !assessed.has(c.code))
    .map((c, i) => {
      const sorted = [...c.options].sort((a, b) => b.points - a.points);
      return { criterionCode: c.code, optionCode: sorted[(seed + i) % Math.min(2, sorted.length)]!.code };
    });
}

async function main(): Promise<void> {
  const cfg = loadToolConfig();
  const id = `b${randomBytes(4).toString('hex')}`;
  const dbName = `ocop_bench_${id}`;
  await adminQuery(cfg.infra.databaseUrl, `CREATE DATABASE "${dbName}"`);
  const app = await createScoringApp(
    loadScoringConfig({
      OCOP_MODE: 'test',
      DATABASE_URL: withDatabase(cfg.infra.databaseUrl, dbName),
      NATS_URL: cfg.infra.natsUrl,
      OCOP_SUBJECT_PREFIX: id,
      OCOP_STREAM: `${id.toUpperCase()}_EVENTS`,
      REDIS_URL: cfg.infra.redisUrl,
      REDIS_PREFIX: id,
      LOG_LEVEL: 'silent',
    }),
  );
  await app.init();
  // Scoring asks the gateway about council seats and registration about the council's unit: stand-ins answer
  // here (every id a council member of the demo province), so the bench runs scoring alone.
  const nc = await connectNats(cfg.infra.natsUrl, 'bench-stand-ins');
  const standIns = [
    answerSubject(nc, commandSubject(id, RegistrationSubjects.unitsList), (): UnitView[] => [
      {
        code: DEMO.provinceCode,
        level: 'PROVINCE',
        name: 'Thanh Hóa',
        parentCode: null,
        provinceCode: DEMO.provinceCode,
        districtCode: null,
      },
    ]),
    answerSubject(nc, commandSubject(id, IdentitySubjects.usersResolve), ({ body }): ResolvedUser[] =>
      (body as { userIds: string[] }).userIds.map((uid) => ({
        id: uid,
        username: uid,
        fullName: uid,
        role: Role.COUNCIL_MEMBER,
        scope: { provinceCode: DEMO.provinceCode },
        active: true,
      })),
    ),
  ];
  try {
    const ds = app.get(DataSource);
    const { catalogue } = await app.get(CatalogueLoader).forLegalVersion('148+1489');
    const tree = treeForProductSet(catalogue, '04');
    const communeScored = criteriaOf(tree).filter((c) => c.communeScored);
    const assessment = communeScored.map((c) => ({ criterionCode: c.code, optionCode: c.options[c.options.length - 1]!.code }));
    const assessedCodes = new Set(communeScored.map((c) => c.code));
    const admin: Actor = { id: randomUUID(), username: 'bench.admin', role: Role.ADMIN, scope: { provinceCode: '*' } };
    const users = Array.from({ length: MEMBERS + 1 }, (_, i) => ({ id: randomUUID(), name: `Thành viên ${i + 1}` }));
    const council = await app.get(CreateCouncilUseCase).execute(admin, {
      name: 'Hội đồng (benchmark)',
      tier: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      authorityName: 'UBND tỉnh Thanh Hóa',
      placeName: 'Thanh Hóa',
      quorum: MEMBERS,
      spreadLimit: '100',
      members: users.map((u, i) => ({
        userId: u.id,
        fullName: u.name,
        agency: 'Sở',
        role: i === 0 ? 'CHAIR' : i === MEMBERS ? 'SECRETARY' : 'MEMBER',
      })),
    });
    const actorOf = (userId: string): Actor => ({
      id: userId,
      username: userId,
      role: Role.COUNCIL_MEMBER,
      scope: { provinceCode: DEMO.provinceCode },
    });
    const voting = council.members.filter((m) => m.voting);
    const secretary = actorOf(users[MEMBERS]!.id);
    const sessions = {
      create: app.get(CreateSessionUseCase),
      addAgenda: app.get(AddToAgendaUseCase),
      attendance: app.get(RecordAttendanceUseCase),
      submitSheet: app.get(SubmitSheetUseCase),
    };
    const close = app.get(CloseSessionUseCase);
    const closeMs: number[] = [];
    const baselineMs: number[] = [];
    const heapGrowth: number[] = [];
    const rssGrowth: number[] = [];
    let sheetRate = 0;

    for (let run = 0; run < RUNS; run++) {
      const evaluationIds = Array.from({ length: DOSSIERS }, () => randomUUID());
      await ds.query(
        `INSERT INTO scoring.evaluation (id, dossier_id, dossier_code, dossier_kind, product_id, product_name, product_set_code, producer_id, producer_name,
           tier, unit_code, province_code, district_code, commune_code, legal_version, filed_at, commune_assessment, lab_state, status)
         SELECT x.id, gen_random_uuid(), 'HS-BENCH-' || x.n, 'NEW', gen_random_uuid(), 'Sản phẩm ' || x.n, '04', gen_random_uuid(), 'Chủ thể ' || x.n,
           'PROVINCE', $2, $2, NULL, $3, '148+1489', now(), $4::jsonb, 'PASSED', 'AWAITING_SESSION'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)`,
        [evaluationIds, DEMO.provinceCode, DEMO.communeCode, JSON.stringify(assessment)],
      );
      const s = await sessions.create.execute(
        secretary,
        { councilId: council.id, title: `Phiên ${run + 1}`, scheduledFor: new Date().toISOString() },
        new Date(),
      );
      await sessions.addAgenda.execute(secretary, { sessionId: s.id, evaluationIds });
      await sessions.attendance.execute(secretary, { sessionId: s.id, presentMemberIds: voting.map((m) => m.id) });
      const jobs = evaluationIds.flatMap((evaluationId, d) =>
        voting.map((m, k) => ({ evaluationId, member: m, entries: entriesFor(tree, d + k, assessedCodes) })),
      );
      const sheetsStarted = process.hrtime.bigint();
      for (let i = 0; i < jobs.length; i += 16) {
        await Promise.all(
          jobs
            .slice(i, i + 16)
            .map((j) =>
              sessions.submitSheet.execute(actorOf(j.member.userId), { sessionId: s.id, evaluationId: j.evaluationId, entries: j.entries }),
            ),
        );
      }
      sheetRate = jobs.length / (Number(process.hrtime.bigint() - sheetsStarted) / 1e9);

      // Baseline: the rules alone over the same (already scored) sheets, in memory — what closing must compute.
      const model = tierModelFor('148+1489');
      const scoredByDossier = evaluationIds.map((evaluationId) =>
        jobs.filter((j) => j.evaluationId === evaluationId).map((j) => scoreSheet(tree, j.entries, assessment)),
      );
      const baseStarted = process.hrtime.bigint();
      for (const scored of scoredByDossier) {
        routeEvaluation(model, Tier.PROVINCE, evaluateDossier(tree, scored, { spreadLimitHundredths: 10000 }).rank);
      }
      baselineMs.push(Number(process.hrtime.bigint() - baseStarted) / 1e6);

      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      let heapPeak = heapBefore;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        heapPeak = Math.max(heapPeak, m.heapUsed);
        rssPeak = Math.max(rssPeak, m.rss);
      }, 5);
      const started = process.hrtime.bigint();
      const minutes = await close.execute(secretary, s.id, new Date());
      closeMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      clearInterval(sampler);
      const after = process.memoryUsage();
      heapGrowth.push(Math.max(heapPeak, after.heapUsed) - heapBefore);
      rssGrowth.push(Math.max(rssPeak, after.rss) - rssBefore);
      if (minutes.results.length !== DOSSIERS)
        throw new Error(`expected ${DOSSIERS} results, got ${minutes.results.length} (${minutes.deferred.length} deferred)`);
    }

    const close50 = median(closeMs);
    const base50 = median(baselineMs);
    console.log(
      JSON.stringify(
        {
          members: MEMBERS,
          dossiers: DOSSIERS,
          sheets: MEMBERS * DOSSIERS,
          runs: RUNS,
          closeMs: closeMs.map((x) => Math.round(x)),
          closeMedianMs: Math.round(close50),
          inMemoryRulesMs: baselineMs.map((x) => Math.round(x)),
          inMemoryMedianMs: Math.round(base50),
          ratio: +(close50 / base50).toFixed(1),
          heapGrowthMb: heapGrowth.map(mb),
          rssGrowthMb: rssGrowth.map(mb),
          sheetSubmissionsPerSecond: Math.round(sheetRate),
        },
        null,
        2,
      ),
    );
  } finally {
    for (const s of standIns) s.unsubscribe();
    await nc.close();
    await app.close();
    await dropDatabase(cfg.infra.databaseUrl, dbName);
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
