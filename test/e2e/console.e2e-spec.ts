import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as QRCode from 'qrcode';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO } from '@ocop/contracts';
import { loadToolConfig } from '../../tools/config';
import { startPlatform, type Platform } from '../support/platform';
import {
  certifyAtDistrict,
  councilOfFour,
  criteriaOf,
  evaluationOf,
  newProducer,
  proposedDossier,
  sheetWithTotal,
  treeFor,
} from '../support/scoring';

/**
 * The few browser globals the page functions below read (they run in Chromium, serialised; functions, not strings,
 * since the console's CSP forbids eval). The test itself compiles without the DOM library.
 */
interface InPage {
  localStorage: { getItem(key: string): string | null };
  navigator: { onLine: boolean };
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
    activeElement: { textContent: string | null } | null;
  };
}

/** Screenshots of the run, kept as artefacts (not in git). */
const ARTEFACTS = join(__dirname, '..', '..', 'var', 'test-artifacts', 'console');

/**
 * Issue 19, first step: the console built into apps/console/dist and served by the gateway under /console/. The
 * consumer's scanner reads a certificate's QR from an image and verifies its Ed25519 signature in the browser with the
 * network cut, refuses a tampered one, asks the live status once online, and shows a revoked certificate revoked
 * (online from the platform, offline from the kept revocation list); the login sends the user to their dossiers.
 * axe-core finds no serious violation on any of these screens. The time from the QR read to the verdict is recorded (a figure, not an assertion).
 */
describe('the console in Chromium', () => {
  let p: Platform;
  let browser: Browser;
  let origin: string;
  let verifyUrl: string;
  let productName: string;
  let revokedUrl: string;
  let scored: string;
  let producerId: string;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } });
    const [admin, officer, district] = [await p.login('admin'), await p.login('commune.officer'), await p.login('district.officer')];
    const filed = '2024-05-10T03:00:00Z';
    producerId = await newProducer(p, officer, 'Hợp tác xã Bưởi Luận Văn', { asOf: filed });
    const dossier = await proposedDossier(p, officer, producerId, 'Bưởi Luận Văn', { asOf: filed, productSetCode: '08' });
    const other = await proposedDossier(p, officer, producerId, 'Nem chua Thanh Hóa', { asOf: filed, productSetCode: '08' });
    scored = await proposedDossier(p, officer, producerId, 'Chè xanh Như Xuân', { asOf: filed, productSetCode: '08' });
    await certifyAtDistrict(p, { admin, district }, [dossier, other], { prefix: 'cs', expectCertificates: 2 });
    const certificates: { id: string; productName: string; verifyUrl: string }[] = (
      await p.http('GET', '/api/certification/certificates', { token: admin })
    ).body;
    ({ verifyUrl, productName } = certificates.find((c) => c.productName === 'Bưởi Luận Văn')!);
    // The other one is revoked: requested by the standing office, decided by the district that issued it.
    const toRevoke = certificates.find((c) => c.productName === 'Nem chua Thanh Hóa')!;
    revokedUrl = toRevoke.verifyUrl;
    const office = await p.login('province.office');
    const request = await p.http('POST', '/api/certification/revocations', {
      token: office,
      headers: { 'x-as-of': '2024-07-01T02:00:00Z' },
      body: { certificateId: toRevoke.id, reasonCode: 'OTHER', details: 'Cơ sở ngừng sản xuất sản phẩm' },
    });
    expect(request.status).toBe(201);
    const decided = await p.http('POST', `/api/certification/revocations/${request.body.id}/decide`, {
      token: district,
      headers: { 'x-as-of': '2024-07-02T02:00:00Z' },
    });
    expect(decided.body).toMatchObject({ status: 'REVOKED' });
    await p.gateway.listen(0, '127.0.0.1');
    const { port } = p.gateway.getHttpServer().address() as { port: number };
    origin = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: loadToolConfig().chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  });

  /** The QR's text at this platform's address (the certificate prints PUBLIC_BASE_URL's). */
  const qrText = (url = verifyUrl) => {
    const u = new URL(url);
    return `${origin}${u.pathname}${u.search}`;
  };

  /** axe-core on the page as it is: the serious and critical violations (none expected). */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function scannerAtPhoneSize(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}/console/#/scan`);
    await page.waitForFunction(() => (globalThis as unknown as InPage).localStorage.getItem('ocop.trust-store') !== null);
    return { context, page };
  }

  it('verifies a QR read from an image offline, refuses a tampered one, shows the live status online and a revoked one revoked', async () => {
    const { context, page } = await scannerAtPhoneSize();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const image = join(ARTEFACTS, 'qr.png');
    writeFileSync(image, await QRCode.toBuffer(qrText(), { errorCorrectionLevel: 'M', margin: 4, scale: 6 }));

    await context.setOffline(true);
    await page.waitForFunction(() => !(globalThis as unknown as InPage).navigator.onLine);
    expect(await page.locator('#connection').textContent()).toMatch(
      /ngoại tuyến.*Danh sách thu hồi cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    await page.setInputFiles('#qr-image', image);
    const verdict = page.locator('#verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('SIGNED');
    expect(await verdict.textContent()).toContain(productName);
    expect(await verdict.textContent()).toContain('Kết quả kiểm tra ngoại tuyến');
    console.log(`console scanner: QR read to verdict offline in ${await verdict.getAttribute('data-ms')} ms (Chromium, phone size)`);
    await page.screenshot({ path: join(ARTEFACTS, 'scanner-offline.png'), fullPage: true });

    // A QR whose signed part was altered: refused, offline as well.
    const [head, payload, sig] = new URL(qrText()).searchParams.get('s')!.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = new URL(qrText());
    tampered.searchParams.set('s', `${head}.${Buffer.from(JSON.stringify({ ...forged, s: 5 })).toString('base64url')}.${sig}`);
    await page.fill('#qr-text', tampered.toString());
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#verdict')?.getAttribute('data-verdict') === 'INVALID',
    );
    expect(await verdict.textContent()).toContain('Chữ ký số không hợp lệ');

    // Online: the signature, then the live status from the platform.
    await context.setOffline(false);
    await page.fill('#qr-text', qrText());
    await page.click('button[type=submit]');
    await page.waitForFunction(() =>
      ['ACTIVE', 'EXPIRING'].includes(
        (globalThis as unknown as InPage).document.querySelector('#verdict')?.getAttribute('data-verdict') ?? '',
      ),
    );
    expect(await verdict.textContent()).not.toContain('ngoại tuyến');
    await page.screenshot({ path: join(ARTEFACTS, 'scanner-online.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A revoked certificate: its signature is genuine, its status says revoked — online from the platform, offline
    // from the signed revocation list the page keeps.
    await page.fill('#qr-text', qrText(revokedUrl));
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#verdict')?.getAttribute('data-verdict') === 'REVOKED',
    );
    expect(await verdict.textContent()).toContain('Đã bị thu hồi');
    await page.screenshot({ path: join(ARTEFACTS, 'scanner-revoked.png'), fullPage: true });
    await context.setOffline(true);
    await page.fill('#qr-text', qrText(revokedUrl));
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#verdict')?.textContent?.includes('ngoại tuyến') ?? false,
    );
    expect(await verdict.getAttribute('data-verdict')).toBe('REVOKED');
    expect(await verdict.textContent()).toContain('theo danh sách đã lưu');
    await context.close();
  });

  it('sends a signed-out user to the login, shows a refusal, then the dossiers of its scope', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}/console/#/dossiers`);
    await page.fill('#username', 'commune.officer');
    await page.fill('#password', 'not-the-password');
    await page.click('form button[type=submit]');
    await page.locator('#login-error').waitFor();
    expect(await page.locator('#login-error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true'); // the field the API named
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#password', DEMO.password);
    await page.click('form button[type=submit]');
    await page.locator('table caption').waitFor();
    expect(await page.locator('table caption').textContent()).toMatch(/^\d+ hồ sơ trong phạm vi của bạn$/);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTEFACTS, 'dossiers-tablet.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // After the login the focus is on the new screen's heading; on a fresh page the first Tab reaches the skip link.
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.textContent)).toBe('Hồ sơ sản phẩm');
    await page.reload();
    await page.locator('table caption').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.textContent)).toBe(
      'Bỏ qua, đến nội dung chính',
    );
    await context.close();
  });

  it('lets a council member score on a tablet (criteria tree, running totals, mandatory warnings, a correction, the spread warning) and the secretary close and download the minutes', async () => {
    const [admin, district] = [await p.login('admin'), await p.login('district.officer')];
    const evaluation = (await evaluationOf(p, district, scored, 'DISTRICT')).id;
    const council = await councilOfFour(p, admin, district, { prefix: 'tb', tier: 'DISTRICT', unitCode: DEMO.districtCode });
    const day = { 'x-as-of': '2024-06-25T02:00:00Z' };
    const s = await p.http('POST', '/api/scoring/sessions', {
      token: council.secretary.token,
      headers: day,
      body: { councilId: council.id, title: 'Phiên họp tháng 6', location: 'Hội trường', scheduledFor: '2024-06-25T02:00:00Z' },
    });
    const session = `/api/scoring/sessions/${s.body.id}`;
    await p.http('POST', `${session}/agenda`, { token: council.secretary.token, headers: day, body: { evaluationIds: [evaluation] } });
    await p.http('PUT', `${session}/attendance`, {
      token: council.secretary.token,
      headers: day,
      body: { presentMemberIds: council.present },
    });
    const tree = await treeFor(p, admin, '148', '08');
    const sheet62 = sheetWithTotal(tree, 62);

    // The session is the district's of June 2024 (district councils ceased on 01/07/2025): the browser acts as of then.
    const asOf = (t: string) => ({ 'x-as-of': `2024-06-25T${t}:00Z` });
    const context = await browser.newContext({
      viewport: { width: 768, height: 1024 },
      locale: 'vi-VN',
      hasTouch: true,
      extraHTTPHeaders: asOf('03:00'),
    });
    const page = await context.newPage();
    await page.goto(`${origin}/console/#/sessions`);
    await page.fill('#username', 'tb.2');
    await page.fill('#password', 'council-password-2026');
    await page.click('form button[type=submit]');
    await page.click('text=Phiên họp tháng 6');
    await page.click(`[data-evaluation="${evaluation}"] a`);
    await page.locator('fieldset.part').first().waitFor();
    expect(await page.locator('fieldset.criterion').count()).toBe(criteriaOf(tree).length);
    for (const e of sheet62) await page.check(`input[name="${e.criterionCode}"][value="${e.optionCode}"]`);
    expect(await page.locator('#running-total').textContent()).toBe('Tổng: 62');
    // A mandatory criterion scored below its requirement is flagged at once, before saving.
    const mandatory = criteriaOf(tree).find((c) => c.mandatory?.length && !c.bonus)!;
    const lowest = mandatory.options.reduce((a, b) => (b.points < a.points ? b : a));
    await page.check(`input[name="${mandatory.code}"][value="${lowest.code}"]`);
    expect(await page.locator('#mandatory').textContent()).toContain(mandatory.code);
    await page.check(`input[name="${mandatory.code}"][value="${sheet62.find((e) => e.criterionCode === mandatory.code)!.optionCode}"]`);
    expect(await page.locator('#mandatory').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('form button[type=submit]');
    await page.locator('#saved').waitFor();
    expect(await page.locator('#saved').textContent()).toContain('Đã lưu phiếu (lần 1): tổng điểm 62.00');

    // The other members' sheets diverge (62 and 80): the member's correction shows the spread warning.
    const put = (token: string, total: number) =>
      p.http('PUT', `${session}/evaluations/${evaluation}/sheet`, {
        token,
        headers: asOf('03:10'),
        body: { entries: sheetWithTotal(tree, total) },
      });
    expect((await put(council.voting[0]!.token, 62)).status).toBe(200);
    expect((await put(council.voting[2]!.token, 80)).status).toBe(200);
    const free = sheet62.find((e) => {
      const c = criteriaOf(tree).find((x) => x.code === e.criterionCode)!;
      return !c.bonus && !c.mandatory?.length && c.options.some((o) => o.points < c.options.find((x) => x.code === e.optionCode)!.points);
    })!;
    const c = criteriaOf(tree).find((x) => x.code === free.criterionCode)!;
    const lower = c.options.filter((o) => o.points < c.options.find((x) => x.code === free.optionCode)!.points)[0]!;
    await page.check(`input[name="${c.code}"][value="${lower.code}"]`);
    await page.setExtraHTTPHeaders(asOf('03:20'));
    await page.click('form button[type=submit]');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#saved')?.textContent?.includes('lần 2') ?? false,
    );
    expect(await page.locator('#spread-warning').textContent()).toContain('vượt quá mức cho phép');
    await page.screenshot({ path: join(ARTEFACTS, 'scoring-tablet.png'), fullPage: false });
    await page.goto(`${origin}/console/#/sessions/${s.body.id}`);
    await page.locator('.spread').waitFor();
    // A member is not the secretary: the close is refused, in Vietnamese.
    await page.click('#close-session');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#session-message')?.textContent?.includes('thư ký') ?? false,
    );
    await context.close();

    // The secretary closes the session and downloads the minutes.
    const secretary = await browser.newContext({
      viewport: { width: 768, height: 1024 },
      locale: 'vi-VN',
      acceptDownloads: true,
      extraHTTPHeaders: asOf('09:00'),
    });
    const sp = await secretary.newPage();
    await sp.goto(`${origin}/console/#/sessions/${s.body.id}`);
    await sp.fill('#username', 'tb.4');
    await sp.fill('#password', 'council-password-2026');
    await sp.click('form button[type=submit]');
    await sp.click('#close-session');
    await sp.locator('#minutes').waitFor();
    expect(await sp.locator('#session-message').textContent()).toBe('Đã kết thúc phiên; biên bản đã được lập.');
    const [download] = await Promise.all([sp.waitForEvent('download'), sp.click('#minutes')]);
    expect(download.suggestedFilename()).toMatch(/^bien-ban-.+\.pdf$/);
    const pdf = join(ARTEFACTS, download.suggestedFilename());
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await secretary.close();
  });

  it('shows the producer its certificates, and opens a certificate’s public page from there', async () => {
    const admin = await p.login('admin');
    const account = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'htx.buoi',
        password: 'mat-khau-htx-2026',
        fullName: 'Nguyễn Thị Lan',
        role: 'PRODUCER',
        provinceCode: '38',
        producerId,
      },
    });
    expect(account.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}/console/#/certificates`);
    await page.fill('#username', 'htx.buoi');
    await page.fill('#password', 'mat-khau-htx-2026');
    await page.click('form button[type=submit]');
    await page.locator('[data-certificate]').first().waitFor();
    const cards = await page.locator('[data-certificate]').allTextContents();
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.includes('Bưởi Luận Văn'))).toMatch(/Còn hiệu lực|Sắp hết hiệu lực/);
    expect(cards.find((c) => c.includes('Nem chua Thanh Hóa'))).toContain('Đã bị thu hồi');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTEFACTS, 'certificates-phone.png'), fullPage: true });
    await page.locator('[data-certificate]', { hasText: 'Bưởi Luận Văn' }).locator('a', { hasText: 'Trang kiểm tra công khai' }).click();
    await page.locator('#status').waitFor();
    expect(page.url()).toContain('/verify/');
    expect(await page.locator('#status').textContent()).toMatch(/Còn hiệu lực|Sắp hết hiệu lực/);
    await context.close();
  });

  it('lets a producer file a dossier with its documents; the commune returns it once with a reason, accepts it and proposes it with its assessment', async () => {
    const [admin, officer] = [await p.login('admin'), await p.login('commune.officer')];
    const owner = await newProducer(p, officer, 'Hợp tác xã Nước mắm Hải Thanh');
    const product = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId: owner, name: 'Nước mắm Hải Thanh', productSetCode: '08' },
    });
    expect(product.status).toBe(201);
    await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'htx.haithanh',
        password: 'mat-khau-htx-2026',
        fullName: 'Lê Văn Hải',
        role: 'PRODUCER',
        provinceCode: '38',
        producerId: owner,
      },
    });
    const pdf = join(ARTEFACTS, 'tai-lieu.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const signIn = async (username: string, password: string, hash: string) => {
      const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${origin}/console/#${hash}`);
      await page.fill('#username', username);
      await page.fill('#password', password);
      await page.click('form button[type=submit]');
      return { context, page };
    };
    const status = (page: Page) => page.locator('#dossier-status').textContent();
    const uploadAll = async (page: Page, types: string[]) => {
      for (const type of types) {
        await page.selectOption('#doc-type', type);
        await page.setInputFiles('#doc-file', pdf);
        await page.locator(`[data-document="${type}"]`).last().waitFor();
      }
    };

    // The producer opens a dossier for its product and uploads what the checklist asks for.
    const producer = await signIn('htx.haithanh', 'mat-khau-htx-2026', '/dossiers');
    await producer.page.selectOption('#product', product.body.id);
    await producer.page.click('#new-dossier button[type=submit]');
    await producer.page.locator('#checklist').waitFor();
    const dossierId = producer.page.url().split('/').pop()!;
    const missing = await producer.page
      .locator('[data-missing]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('data-missing')));
    expect(missing.length).toBeGreaterThan(1);
    await uploadAll(producer.page, missing);
    expect(await producer.page.locator('[data-missing]').count()).toBe(0);
    expect(await seriousViolations(producer.page)).toEqual([]);
    await producer.page.click('#submit-dossier');
    await producer.page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#dossier-status')?.textContent === 'SUBMITTED',
    );

    // The commune returns it once: an empty reason is refused beside its field, then a real one.
    const commune = await signIn('commune.officer', DEMO.password, `/dossiers/${dossierId}`);
    await commune.page.locator('#return-form').waitFor();
    await commune.page.click('#return-form button[type=submit]');
    await commune.page.locator('#reason-error').waitFor();
    expect(await status(commune.page)).toBe('SUBMITTED');
    await commune.page.selectOption('#return-type', missing[missing.length - 1]!);
    await commune.page.fill('#return-reason', 'Kế hoạch kinh doanh chưa có phương án tiêu thụ sản phẩm');
    await commune.page.click('#return-form button[type=submit]');
    await commune.page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#dossier-status')?.textContent === 'RETURNED_FOR_COMPLETION',
    );
    await commune.page.screenshot({ path: join(ARTEFACTS, 'intake-returned.png'), fullPage: true });

    // The producer reads the reason, uploads the document again and resubmits; the commune accepts.
    await producer.page.reload();
    expect(await producer.page.locator('#return-reasons').textContent()).toContain('phương án tiêu thụ');
    await uploadAll(producer.page, [missing[missing.length - 1]!]);
    await producer.page.click('#submit-dossier');
    await producer.page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#dossier-status')?.textContent === 'SUBMITTED',
    );
    await commune.page.reload();
    await commune.page.click('#accept-dossier');
    await commune.page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#dossier-status')?.textContent === 'ACCEPTED_BY_COMMUNE',
    );
    // The commune proposes it with its assessment of the commune-scored criteria (148+1489).
    await commune.page.locator('#propose-form fieldset').first().waitFor();
    const assessed = await commune.page.locator('#propose-form fieldset').count();
    expect(assessed).toBeGreaterThan(0);
    for (let i = 0; i < assessed; i++)
      await commune.page.locator('#propose-form fieldset').nth(i).locator('input[type=radio]').last().check();
    await commune.page.fill('#report-reference', '45/BC-UBND');
    expect(await seriousViolations(commune.page)).toEqual([]);
    await commune.page.click('#propose-form button[type=submit]');
    await commune.page.waitForFunction(
      () => (globalThis as unknown as InPage).document.querySelector('#dossier-status')?.textContent === 'PROPOSED',
    );
    const timeline = (await p.http('GET', `/api/dossiers/${dossierId}/timeline`, { token: officer })).body.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline.filter((t: string) => t === 'registration.dossier-returned.v1')).toHaveLength(1);
    expect(timeline).toContain('registration.dossier-accepted.v1');
    expect(timeline).toContain('registration.dossier-proposed.v1');
    await producer.context.close();
    await commune.context.close();
  });
});
