import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { PDF, multipartBody, type PlatformClient } from './http';

/** The catalogue document's tree as the API returns it (points in points, as JSON numbers). */
export interface DocCriterion {
  code: string;
  maxPoints: number;
  options: { code: string; points: number }[];
  communeScored?: boolean;
  bonus?: boolean;
  mandatory?: { stars: number; minPoints: number }[];
}
export interface DocTree {
  code: string;
  parts: { code: string; groups: { code: string; criteria: DocCriterion[] }[] }[];
}
export type Entry = { criterionCode: string; optionCode: string; points?: string };

export const criteriaOf = (tree: DocTree): DocCriterion[] => tree.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria));

/** The tree a product set is scored with, from GET /api/scoring/catalogues/{code}. */
export async function treeFor(p: PlatformClient, token: string, catalogue: string, productSetCode: string): Promise<DocTree> {
  const res = await p.http('GET', `/api/scoring/catalogues/${catalogue}`, { token });
  if (res.status !== 200) throw new Error(`catalogue ${catalogue}: ${res.status}`);
  const doc = res.body.document as { trees: DocTree[]; productSets: Record<string, string> };
  return doc.trees.find((t) => t.code === doc.productSets[productSetCode])!;
}

const lowest = (c: DocCriterion) => c.options.reduce((a, b) => (b.points < a.points ? b : a));

/**
 * A sheet whose total is exactly `total` points (integer): `fixed` criteria take the given option; the commune-assessed
 * criteria (`assessed`) count with their assessed option but are left out of the entries; bonus criteria take their lowest
 * option; the rest are filled greedily, mandatory criteria first (so they pass unless fixed otherwise).
 */
export function sheetWithTotal(
  tree: DocTree,
  total: number,
  o: { fixed?: Record<string, string>; assessed?: Record<string, string> } = {},
): Entry[] {
  const fixed = { ...(o.assessed ?? {}), ...(o.fixed ?? {}) };
  const chosen = new Map<string, { code: string; points: number }>();
  let remaining = total;
  const free: DocCriterion[] = [];
  for (const c of criteriaOf(tree)) {
    const pick = fixed[c.code] !== undefined ? c.options.find((x) => x.code === fixed[c.code])! : c.bonus ? lowest(c) : undefined;
    if (pick) {
      chosen.set(c.code, pick);
      if (!c.bonus) remaining -= pick.points;
    } else {
      free.push(c);
      chosen.set(c.code, lowest(c));
      remaining -= lowest(c).points;
    }
  }
  free.sort((a, b) => Number(Boolean(b.mandatory?.length)) - Number(Boolean(a.mandatory?.length)));
  for (const c of free) {
    const base = chosen.get(c.code)!.points;
    const best = c.options.filter((x) => x.points - base <= remaining).reduce((a, b) => (b.points > a.points ? b : a));
    remaining -= best.points - base;
    chosen.set(c.code, best);
  }
  if (remaining !== 0) throw new Error(`cannot reach ${total} points (left ${remaining})`);
  return criteriaOf(tree)
    .filter((c) => o.assessed?.[c.code] === undefined)
    .map((c) => ({ criterionCode: c.code, optionCode: chosen.get(c.code)!.code }));
}

/** The commune's assessment: the highest option of each commune-scored criterion. */
export function communeAssessmentOf(tree: DocTree): Record<string, string> {
  return Object.fromEntries(
    criteriaOf(tree)
      .filter((c) => c.communeScored)
      .map((c) => [c.code, c.options.reduce((a, b) => (b.points > a.points ? b : a)).code]),
  );
}

let brn = 3800000000;

/** A producer in the demo commune, registered by the commune officer (as of `asOf` when given). */
export async function newProducer(p: PlatformClient, officer: string, name: string, o: { asOf?: string } = {}): Promise<string> {
  const res = await p.http('POST', '/api/producers', {
    token: officer,
    headers: o.asOf ? { 'x-as-of': o.asOf } : undefined,
    body: {
      type: 'COOPERATIVE',
      name,
      businessRegistrationNumber: String(++brn),
      representativeName: 'Nguyễn Thị Lan',
      phone: '0987654321',
      address: 'Thôn 2',
      communeCode: DEMO.communeCode,
      womanLed: true,
      ethnicMinority: false,
    },
  });
  if (res.status !== 201) throw new Error(`producer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * A dossier taken through intake to PROPOSED by the commune officer (filed at `asOf` when given), with the commune's
 * assessment when the legal version asks for one. Returns the dossier id.
 */
export async function proposedDossier(
  p: PlatformClient,
  officer: string,
  producerId: string,
  productName: string,
  o: { productSetCode?: string; asOf?: string; assessment?: Record<string, string>; documents?: string[] } = {},
): Promise<string> {
  const headers = o.asOf ? { 'x-as-of': o.asOf } : undefined;
  const product = await p.http('POST', '/api/products', {
    token: officer,
    headers,
    body: { producerId, name: productName, productSetCode: o.productSetCode ?? '04' },
  });
  if (product.status !== 201) throw new Error(`product: ${product.status} ${JSON.stringify(product.body)}`);
  const d = await p.http('POST', '/api/dossiers', { token: officer, body: { productId: product.body.id, kind: 'NEW' }, headers });
  for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN', ...(o.documents ?? [])]) {
    const { payload, headers: h } = multipartBody(type, PDF);
    const up = await p.http('POST', `/api/dossiers/${d.body.id}/documents`, { token: officer, payload, headers: { ...h, ...headers } });
    if (up.status !== 201) throw new Error(`upload: ${up.status}`);
  }
  for (const step of ['submit', 'accept']) {
    const res = await p.http('POST', `/api/dossiers/${d.body.id}/${step}`, { token: officer, headers });
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const body = o.assessment
    ? {
        communeAssessment: {
          reportReference: '45/BC-UBND',
          entries: Object.entries(o.assessment).map(([criterionCode, optionCode]) => ({ criterionCode, optionCode })),
        },
      }
    : {};
  const proposed = await p.http('POST', `/api/dossiers/${d.body.id}/propose`, { token: officer, body, headers });
  if (proposed.status !== 200) throw new Error(`propose: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  return d.body.id;
}

/** Waits until scoring lists the dossier at `tier` (it arrives by event) and returns its evaluation. */
export async function evaluationOf(
  p: PlatformClient,
  token: string,
  dossierId: string,
  tier: string,
): Promise<{ id: string; status: string; labState: string; [k: string]: unknown }> {
  return eventually(
    async () => {
      const res = await p.http('GET', `/api/scoring/evaluations?dossierId=${dossierId}&tier=${tier}`, { token });
      return res.body?.[0];
    },
    15_000,
    `${tier} evaluation of ${dossierId}`,
  );
}

/** Council member users with their tokens. */
export async function councilUsers(
  p: PlatformClient,
  admin: string,
  prefix: string,
  names: string[],
): Promise<{ userId: string; token: string; fullName: string }[]> {
  const out = [];
  for (const [i, fullName] of names.entries()) {
    const username = `${prefix}.${i + 1}`;
    const res = await p.http('POST', '/api/users', {
      token: admin,
      body: { username, password: 'council-password-2026', fullName, role: 'COUNCIL_MEMBER', provinceCode: DEMO.provinceCode },
    });
    if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
    out.push({ userId: res.body.id as string, token: await p.login(username, 'council-password-2026'), fullName });
  }
  return out;
}

export type CouncilUser = { userId: string; token: string; fullName: string };

/**
 * A council of four new council-member users — chair, two members, secretary — created by `token` at a tier and unit
 * (optionally as of an instant): its id, the three voting members, the secretary and the voting members' council ids.
 */
export async function councilOfFour(
  p: PlatformClient,
  admin: string,
  token: string,
  o: {
    prefix: string;
    tier: string;
    unitCode: string;
    name?: string;
    authorityName?: string;
    agency?: string;
    asOf?: string;
    names?: string[];
    /** Seat a fifth user as the advisory team (ADVISOR). */
    advisor?: boolean;
  },
): Promise<{
  id: string;
  view: { createdAt: string; members: { id: string; userId: string }[] };
  voting: CouncilUser[];
  secretary: CouncilUser;
  advisor?: CouncilUser;
  present: string[];
}> {
  const names = o.names ?? ['Mai Văn Nam', 'Lý Thị Oanh', 'Tạ Văn Phúc', 'Chu Thị Quế'];
  const users = await councilUsers(p, admin, o.prefix, o.advisor ? [...names, 'Phan Văn Tư'] : names);
  const [chair, m2, m3, secretary, advisor] = users as [CouncilUser, CouncilUser, CouncilUser, CouncilUser, CouncilUser | undefined];
  const input = (m: CouncilUser, role: string) => ({ userId: m.userId, fullName: m.fullName, agency: o.agency ?? 'Phòng Kinh tế', role });
  const res = await p.http('POST', '/api/scoring/councils', {
    token,
    headers: o.asOf ? { 'x-as-of': o.asOf } : {},
    body: {
      name: o.name ?? `Hội đồng OCOP ${o.prefix}`,
      tier: o.tier,
      unitCode: o.unitCode,
      authorityName: o.authorityName ?? 'UBND',
      placeName: 'Thanh Hóa',
      quorum: 3,
      members: [
        input(chair, 'CHAIR'),
        input(m2, 'MEMBER'),
        input(m3, 'MEMBER'),
        input(secretary, 'SECRETARY'),
        ...(advisor ? [input(advisor, 'ADVISOR')] : []),
      ],
    },
  });
  if (res.status !== 201) throw new Error(`council: ${res.status} ${JSON.stringify(res.body)}`);
  const memberId = (m: CouncilUser) => (res.body.members as { id: string; userId: string }[]).find((x) => x.userId === m.userId)!.id;
  return { id: res.body.id as string, view: res.body, voting: [chair, m2, m3], secretary, advisor, present: [chair, m2, m3].map(memberId) };
}

/**
 * The demo district's council (a new council of four) scores proposed dossiers (product set 08, catalogue 148) in one
 * session on 20/06/2024 and closes it: 62 points each (3★ at the district, a certificate each), or the `totals` given
 * per dossier (under 50: no certificate). Waits until certification has `expectCertificates` certificates in all.
 */
export async function certifyAtDistrict(
  p: PlatformClient,
  tokens: { admin: string; district: string },
  dossierIds: string[],
  o: { prefix: string; expectCertificates: number; totals?: number[] },
): Promise<void> {
  const evaluations: string[] = [];
  for (const d of dossierIds) evaluations.push((await evaluationOf(p, tokens.district, d, 'DISTRICT')).id);
  const council = await councilOfFour(p, tokens.admin, tokens.district, {
    prefix: o.prefix,
    tier: 'DISTRICT',
    unitCode: DEMO.districtCode,
    name: 'Hội đồng OCOP thành phố Thanh Hóa',
    authorityName: 'UBND thành phố Thanh Hóa',
  });
  const day = { 'x-as-of': '2024-06-20T02:00:00Z' };
  const secretary = council.secretary.token;
  const call = async (method: string, url: string, token: string, body?: unknown, headers: Record<string, string> = day) => {
    const res = await p.http(method, url, { token, headers, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const s = await call('POST', '/api/scoring/sessions', secretary, {
    councilId: council.id,
    title: 'Phiên họp đánh giá',
    location: 'Hội trường UBND',
    scheduledFor: '2024-06-20T02:00:00Z',
  });
  const session = `/api/scoring/sessions/${s.id}`;
  await call('POST', `${session}/agenda`, secretary, { evaluationIds: evaluations });
  await call('PUT', `${session}/attendance`, secretary, { presentMemberIds: council.present });
  const tree = await treeFor(p, tokens.admin, '148', '08');
  for (const [i, e] of evaluations.entries()) {
    const sheet = sheetWithTotal(tree, o.totals?.[i] ?? 62);
    for (const m of council.voting) await call('PUT', `${session}/evaluations/${e}/sheet`, m.token, { entries: sheet });
  }
  await call('POST', `${session}/close`, secretary, undefined, { 'x-as-of': '2024-06-20T09:00:00Z' });
  await eventually(
    async () =>
      (await p.http('GET', '/api/certification/certificates?limit=500', { token: tokens.admin })).body.length === o.expectCertificates,
    20_000,
    `${o.expectCertificates} certificates`,
  );
}
