import { PDF, multipartBody, startPlatform, type Platform } from '../support/platform';
import { communeAssessmentOf, evaluationOf, newProducer, proposedDossier, treeFor } from '../support/scoring';

/**
 * Finding one's way: the reference lists a client needs to fill in a request (document types, product groups and sets,
 * lab indicators), the demo lab of the demo lab user, and sample requests for every kind of product.
 */
describe('reference data', () => {
  let p: Platform;
  let admin: string;
  let office: string;
  let officer: string;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 } });
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('serves the reference lists to any signed-in user, and to nobody else', async () => {
    const producer = await p.login('producer');
    for (const path of ['document-types', 'product-groups', 'product-sets', 'lab-indicators']) {
      expect((await p.http('GET', `/api/reference/${path}`)).status).toBe(401);
      expect((await p.http('GET', `/api/reference/${path}`, { token: producer })).status).toBe(200);
    }
    const types = (await p.http('GET', '/api/reference/document-types', { token: producer })).body;
    expect(types).toContainEqual({
      code: 'REGISTRATION_FORM',
      nameVi: 'Phiếu đăng ký sản phẩm OCOP (Mẫu 01)',
      nameEn: 'OCOP product registration form (Form 01)',
      requiredFor: ['NEW', 'RE_EVALUATION', 'UPGRADE'],
      onlyWithSamples: false,
    });
    expect(types.find((t: { code: string }) => t.code === 'BUSINESS_PLAN').requiredFor).toEqual(['NEW', 'UPGRADE']);
    expect(types.find((t: { code: string }) => t.code === 'LAB_TEST_RESULT')).toMatchObject({ requiredFor: [], onlyWithSamples: true });

    const groups = (await p.http('GET', '/api/reference/product-groups', { token: producer })).body;
    expect(groups.map((g: { code: string }) => g.code)).toEqual(['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM']);
    expect(groups.find((g: { code: string }) => g.code === 'ORNAMENTAL')).toEqual({
      code: 'ORNAMENTAL',
      nameVi: 'Sinh vật cảnh',
      nameEn: 'Ornamental living things',
      productSetCodes: ['23', '24', '25'],
    });

    const sets = (await p.http('GET', '/api/reference/product-sets', { token: producer })).body;
    expect(sets).toHaveLength(26);
    expect(sets.find((s: { code: string }) => s.code === '04')).toEqual({
      code: '04',
      nameVi: 'Mật ong, mật khác và nông sản thực phẩm khác',
      groupCode: 'FOOD',
      groupNameVi: 'Thực phẩm',
      subGroupVi: 'Thực phẩm thô, sơ chế',
      requiresSamples: true,
      defaultLabIndicators: ['E_COLI', 'COLIFORMS', 'SALMONELLA', 'LEAD', 'CADMIUM', 'ARSENIC'],
    });
    expect(sets.find((s: { code: string }) => s.code === '26')).toMatchObject({
      groupCode: 'TOURISM',
      requiresSamples: false,
      defaultLabIndicators: [],
    });
    // Every set that takes samples has default indicators (ornamental sets had none, so their sample requests failed).
    for (const s of sets)
      expect({ set: s.code, defaults: s.defaultLabIndicators.length > 0 }).toEqual({ set: s.code, defaults: s.requiresSamples });

    const indicators = (await p.http('GET', '/api/reference/lab-indicators', { token: producer })).body;
    expect(indicators).toContainEqual({
      code: 'LEAD',
      nameVi: 'Chì (Pb)',
      nameEn: 'Lead (Pb)',
      defaultForProductSets: expect.arrayContaining(['01', '14', '18']),
    });
    expect(indicators.find((i: { code: string }) => i.code === 'PLANT_QUARANTINE_PESTS').defaultForProductSets).toEqual(['23', '24']);
  });

  it("has the demo lab user's lab (LAB01) in the demo data, accredited for every named indicator", async () => {
    const lab = await p.login('lab');
    const mine = (await p.http('GET', '/api/inspection/labs', { token: lab })).body;
    const named = (await p.http('GET', '/api/reference/lab-indicators', { token: lab })).body.map((i: { code: string }) => i.code).sort();
    expect(mine).toEqual([expect.objectContaining({ code: 'LAB01', provinceCode: '38', turnaroundDays: 7, indicators: named })]);
  });

  it('requests samples of an ornamental product with its default indicators', async () => {
    const lab = (await p.http('GET', '/api/inspection/labs', { token: office })).body.find((l: { code: string }) => l.code === 'LAB01');
    const producer = await newProducer(p, officer, 'Hợp tác xã Hoa Đông Sơn');
    const flowers = await proposedDossier(p, officer, producer, 'Lan hồ điệp Đông Sơn', {
      productSetCode: '23',
      assessment: communeAssessmentOf(await treeFor(p, admin, '148', '23')),
    });
    const orchid = await evaluationOf(p, office, flowers, 'PROVINCE');
    const sample = await p.http('POST', '/api/inspection/samples', { token: office, body: { evaluationId: orchid.id, labId: lab.id } });
    expect([sample.status, sample.body.indicators]).toEqual([201, ['PLANT_QUARANTINE_PESTS']]);
  });

  it('names the allowed document types and product sets when it refuses one', async () => {
    const producer = await newProducer(p, officer, 'Hợp tác xã Mây tre Nga Sơn');
    const product = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId: producer, name: 'Chiếu cói Nga Sơn', productSetCode: '21' },
    });
    const dossier = await p.http('POST', '/api/dossiers', { token: officer, body: { productId: product.body.id, kind: 'NEW' } });
    const refused = await p.http('POST', `/api/dossiers/${dossier.body.id}/documents`, {
      token: officer,
      ...multipartBody('PASSPORT', PDF),
    });
    expect(refused.body).toMatchObject({ status: 400, code: 'DOCUMENT_TYPE_UNKNOWN', field: 'type' });
    expect(refused.body.detail).toContain('REGISTRATION_FORM, SELF_ASSESSMENT, BUSINESS_PLAN');
    expect(refused.body.detail).toContain('PRODUCT_PHOTOS, OTHER');
    const noSet = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId: producer, name: 'Chiếu cói', productSetCode: '27' },
    });
    expect(noSet.body).toMatchObject({ status: 400, code: 'PRODUCT_SET_UNKNOWN', field: 'productSetCode' });
    expect(noSet.body.detail).toContain('01, 02, 03');
    expect(noSet.body.detail).toContain('25, 26');
  });
});
