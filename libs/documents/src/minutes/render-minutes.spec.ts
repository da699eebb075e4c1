import { HONEY, minutes } from '../../test/minutes.fixture';
import { flat, pdfText } from '../../test/pdf-text';
import { renderMinutesPdf } from './render-minutes';

async function textOf(bytes: Buffer): Promise<{ pageCount: number; pages: string[]; all: string }> {
  const { pageCount, pages } = await pdfText(bytes);
  return { pageCount, pages, all: flat(pages.join('\n')) };
}

describe('renderMinutesPdf', () => {
  it('prints the Vietnamese text exactly, diacritics included', async () => {
    const bytes = await renderMinutesPdf(minutes());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { all } = await textOf(bytes);

    for (const expected of [
      'UBND TỈNH THANH HÓA',
      'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CẤP TỈNH',
      'Số: BB-38-2026-0001',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thanh Hóa, ngày 24 tháng 11 năm 2026',
      'BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP',
      'Phiên họp đánh giá đợt 2 năm 2026',
      'Địa điểm: Hội trường UBND tỉnh, số 35 Đại lộ Lê Lợi, phường Hạc Thành.',
      'Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ',
      'Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (148/QĐ-TTg), phiên bản 2.',
      'Số thành viên Hội đồng có mặt: 7/8; số thành viên có mặt tối thiểu theo quy định: 5.',
      'Phiên họp bảo đảm số lượng thành viên theo quy định.',
      '1 Nguyễn Thị Ngọc Ánh Chủ tịch Hội đồng Sở Nông nghiệp và Môi trường Có mặt',
      '6 Đỗ Quỳnh Như Thành viên Liên minh Hợp tác xã tỉnh Vắng mặt',
      'Vũ Ngọc Ỷ',
      'Mật ong hoa nhãn Thọ Xuân',
      'Hợp tác xã Nông nghiệp Đông Sơn',
      '86,40 3 sao Đề nghị công nhận 3 sao Xem ghi chú (1)',
      '91,25 5 sao Đề nghị Trung ương công nhận 5 sao',
      '(1) Hồ sơ HS-2026-000123 (Mật ong hoa nhãn Thọ Xuân): điểm trung bình 86,40 đạt mức 4 sao nhưng sản phẩm được xếp hạng 3 sao do: ' +
        HONEY.capReasonsVi[0],
      'thành viên không tham gia chấm điểm do xung đột lợi ích: Lê Văn Hưởng.',
      'HS-2026-000901 Gạo nếp cái hoa vàng Thiệu Hóa Chưa có phiếu kết quả kiểm nghiệm sản phẩm',
      'Phiên họp kết thúc lúc 01 giờ 30 phút, ngày 24 tháng 11 năm 2026.',
      'THƯ KÝ (Ký, ghi rõ họ tên) Bùi Thị Mỹ Dung CHỦ TỊCH HỘI ĐỒNG (Ký, ghi rõ họ tên) Nguyễn Thị Ngọc Ánh',
    ]) {
      expect(all).toContain(expected);
    }
    // Every letter came back precomposed, none as a replacement or a stray combining mark.
    expect(all).toBe(all.normalize('NFC'));
    expect(all).not.toMatch(/[\uFFFD\u0300-\u036F]/);
  });

  it('prints the session times and the date line in Vietnam time (UTC+7)', async () => {
    const { pages, all } = await textOf(await renderMinutesPdf(minutes()));
    // openedAt 2026-11-23T01:00Z, closedAt 2026-11-23T18:30Z: the session ends the next day in Vietnam.
    expect(all).toContain('Thời gian: Từ 08 giờ 00 phút, ngày 23 tháng 11 năm 2026 đến 01 giờ 30 phút, ngày 24 tháng 11 năm 2026.');
    expect(flat(pages[0] as string)).toContain('Thanh Hóa, ngày 24 tháng 11 năm 2026');
  });

  it('names the day once when the session opens and closes on the same day', async () => {
    const doc = { ...minutes(), openedAt: '2026-11-24T01:00:00Z', closedAt: '2026-11-24T04:15:00Z' };
    const { all } = await textOf(await renderMinutesPdf(doc));
    expect(all).toContain('Thời gian: Từ 08 giờ 00 phút đến 11 giờ 15 phút, ngày 24 tháng 11 năm 2026.');
  });

  it('prints decomposed (NFD) input as precomposed letters', async () => {
    const doc = minutes();
    doc.members = doc.members.map((m) => ({ ...m, fullName: m.fullName.normalize('NFD') }));
    doc.chairName = 'Nguyễn Thị Ngọc Ánh'.normalize('NFD');
    const { all } = await textOf(await renderMinutesPdf(doc));
    expect(all).toContain('1 Nguyễn Thị Ngọc Ánh Chủ tịch Hội đồng');
    expect(all).toContain('CHỦ TỊCH HỘI ĐỒNG (Ký, ghi rõ họ tên) Nguyễn Thị Ngọc Ánh');
  });

  it('gives the same bytes for the same input, dated by closedAt', async () => {
    const first = await renderMinutesPdf(minutes());
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a wall-clock date would now differ
    const second = await renderMinutesPdf(minutes());
    expect(second.equals(first)).toBe(true);
    // Info dates are indirect objects: /CreationDate 19 0 R … 19 0 obj (D:20261123183000Z).
    const raw = first.toString('latin1');
    for (const key of ['CreationDate', 'ModDate']) {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
      expect(raw).toContain(`\n${ref} 0 obj\n(D:20261123183000Z)`);
    }
  });

  it('says so when there are no results, no deferrals, no location and no names yet, and when quorum failed', async () => {
    const doc = {
      ...minutes(),
      results: [],
      deferred: [],
      location: null,
      chairName: null,
      secretaryName: null,
      quorum: { required: 5, present: 4 },
    };
    const { all } = await textOf(await renderMinutesPdf(doc));
    expect(all).toContain('Không có hồ sơ nào được đánh giá, phân hạng tại phiên họp.');
    expect(all).toContain('Không có hồ sơ hoãn đánh giá.');
    expect(all).toContain('Phiên họp không bảo đảm số lượng thành viên theo quy định.');
    expect(all).not.toContain('Địa điểm');
    // No names: the signature blocks are followed by nothing but the page number.
    expect(all).toMatch(/THƯ KÝ \(Ký, ghi rõ họ tên\) CHỦ TỊCH HỘI ĐỒNG \(Ký, ghi rõ họ tên\)( \d+)?$/);
  });

  it('paginates 250 results with every dossier code whole, a header on every page, well under 1 MB', async () => {
    const doc = minutes(248);
    expect(doc.results).toHaveLength(250);
    const bytes = await renderMinutesPdf(doc);
    const { pageCount, pages, all } = await textOf(bytes);

    expect(pageCount).toBeGreaterThan(5);
    for (const r of doc.results) expect(all).toContain(`${r.order} ${r.dossierCode} `);
    // Each code printed once in the table (HONEY once more in its note, the deferred one once).
    const codes = all.match(/HS-2026-\d{6}/g) ?? [];
    expect(codes).toHaveLength(250 + 1 + 1);
    // Pages 2 and on carry their number and, while the table runs, its header.
    pages.slice(1).forEach((page, i) => expect(page.endsWith(`\n${i + 2}`)).toBe(true));
    const header = 'STT Mã hồ sơ Sản phẩm Chủ thể Số phiếu Điểm TB Hạng Kết luận';
    const resultCode = new RegExp(doc.results.map((r) => r.dossierCode).join('|'));
    const tablePages = pages.filter((p) => resultCode.test(p));
    expect(tablePages.length).toBeGreaterThan(5);
    for (const page of tablePages) expect(flat(page)).toContain(header);
    expect(all).toContain('Phiên họp kết thúc lúc');
    // Sent over NATS: the subsetted fonts keep it small (about 95 kB when written).
    expect(bytes.length).toBeLessThan(200 * 1024);
  });
});
