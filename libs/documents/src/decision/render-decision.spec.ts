import { HONEY_ITEM, issueDecision, revokeDecision } from '../../test/certificate.fixture';
import { flat, pdfText } from '../../test/pdf-text';
import type { DecisionDocument } from './decision.document';
import { renderDecisionPdf } from './render-decision';

async function textOf(bytes: Buffer): Promise<{ pageCount: number; pages: string[]; all: string }> {
  const { pageCount, pages } = await pdfText(bytes);
  return { pageCount, pages, all: flat(pages.join('\n')) };
}

const HEADER = 'STT Số giấy chứng nhận Tên sản phẩm Chủ thể Hạng sao Hiệu lực đến';

describe('renderDecisionPdf', () => {
  it('ISSUE: recognises the products in Vietnamese, with the list attached after the signature', async () => {
    const bytes = await renderDecisionPdf(issueDecision(1));
    const { pageCount, pages, all } = await textOf(bytes);
    for (const expected of [
      'UBND TỈNH THANH HÓA ỦY BAN NHÂN DÂN TỈNH THANH HÓA Số: 12/QĐ-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Thanh Hóa, ngày 01 tháng 02 năm 2026',
      'QUYẾT ĐỊNH Về việc công nhận sản phẩm đạt chuẩn OCOP ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí',
      'Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường. QUYẾT ĐỊNH:',
      'Điều 1. Công nhận 2 sản phẩm đạt chuẩn OCOP (có danh sách kèm theo).',
      'Điều 2. Giấy chứng nhận có giá trị 36 tháng kể từ ngày ký.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các chủ thể ' +
        'có sản phẩm nêu tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Đỗ Minh Tuấn Nơi nhận: - Như Điều 3; - Lưu: VT.',
      'DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP (Kèm theo Quyết định số 12/QĐ-UBND ngày 01/02/2026)',
      `${HEADER} 1 38-2026-0001/GCN-OCOP Mật ong hoa nhãn Thọ Xuân Bộ sản phẩm: 01 Hợp tác xã Nông nghiệp Đông Sơn 4 sao 31/01/2029`,
      '2 38-2026-0002/GCN-OCOP Sản phẩm thử nghiệm số 2 của huyện Quảng Xương Bộ sản phẩm: 01 Hộ kinh doanh Nguyễn Văn Đức 2 3 sao 31/01/2029',
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).toBe(all.normalize('NFC'));
    expect(all).not.toMatch(/[\uFFFD\u0300-\u036F]/);
    // The list starts on a page of its own.
    expect(pageCount).toBe(2);
    expect(flat(pages[1] as string).startsWith('DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP')).toBe(true);
  });

  it('prints 120 products over several pages, every certificate number whole, the header on each page', async () => {
    const doc = issueDecision(119);
    expect(doc.items).toHaveLength(120);
    const { pageCount, pages, all } = await textOf(await renderDecisionPdf(doc));
    expect(pageCount).toBeGreaterThan(4);
    expect(all).toContain('Điều 1. Công nhận 120 sản phẩm đạt chuẩn OCOP (có danh sách kèm theo).');
    doc.items.forEach((item, i) => expect(all).toContain(` ${i + 1} ${item.certificateNumber} `));
    expect(all.match(/38-2026-\d{4}\/GCN-OCOP/g)).toHaveLength(120);
    const listPages = pages.slice(1);
    for (const page of listPages) expect(flat(page)).toContain(HEADER);
    listPages.forEach((page, i) => expect(page.endsWith(`\n${i + 2}`)).toBe(true));
  });

  it('REVOKE: cites the original decision, the reason with its code and the deadline to return the certificate', async () => {
    const { pageCount, all } = await textOf(await renderDecisionPdf(revokeDecision()));
    for (const expected of [
      'Số: 87/QĐ-UBND',
      'Thanh Hóa, ngày 14 tháng 9 năm 2026',
      'QUYẾT ĐỊNH Về việc thu hồi Giấy chứng nhận sản phẩm OCOP ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'QUYẾT ĐỊNH: Điều 1. Thu hồi Giấy chứng nhận sản phẩm OCOP số 38-2026-0001/GCN-OCOP của sản phẩm Mật ong hoa nhãn ' +
        'Thọ Xuân (bộ sản phẩm 01, hạng 4 sao), chủ thể Hợp tác xã Nông nghiệp Đông Sơn, đã được công nhận tại ' +
        'Quyết định số 12/QĐ-UBND ngày 01/02/2026.',
      'Lý do thu hồi: Sản phẩm không duy trì được chất lượng theo tiêu chuẩn công bố, kết quả hậu kiểm không đạt (QUALITY_NONCONFORMITY).',
      'Điều 2. Chủ thể Hợp tác xã Nông nghiệp Đông Sơn có trách nhiệm nộp lại bản chính Giấy chứng nhận và chấm dứt ' +
        'việc sử dụng biểu trưng OCOP, hình ảnh số sao trên bao bì, nhãn sản phẩm trước ngày 14 tháng 10 năm 2026.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
      'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Đức Giang Nơi nhận:',
    ]) {
      expect(all).toContain(expected);
    }
    expect(pageCount).toBe(1);
    expect(all).not.toContain('DANH SÁCH');
  });

  it('dates on the Vietnam calendar and gives the same bytes for the same input', async () => {
    // 2026-10-13T17:30Z is already 14 October in Vietnam.
    const doc: DecisionDocument = { ...revokeDecision(), date: '2026-10-13T17:30:00Z' };
    const first = await renderDecisionPdf(doc);
    expect((await renderDecisionPdf(doc)).equals(first)).toBe(true);
    expect((await textOf(first)).all).toContain('Thanh Hóa, ngày 14 tháng 10 năm 2026');
    const raw = first.toString('latin1');
    const ref = /\/CreationDate (\d+) 0 R/.exec(raw)?.[1];
    expect(raw).toContain(`\n${ref} 0 obj\n(D:20261013173000Z)`);
  });

  it('prefixes a bare legal ground with "Căn cứ" and ends the last ground with a full stop', async () => {
    const doc = {
      ...issueDecision(0),
      legalBasisVi: ['Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;', 'căn cứ kết quả họp Hội đồng'],
    };
    const { all } = await textOf(await renderDecisionPdf(doc));
    expect(all).toContain(
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; căn cứ kết quả họp Hội đồng. QUYẾT ĐỊNH: Điều 1. Công nhận 1 sản phẩm',
    );
  });

  it('refuses items and a revocation that do not match the kind', () => {
    const revocation = revokeDecision().revocation;
    expect(() => renderDecisionPdf({ ...issueDecision(0), items: [] })).toThrow(RangeError);
    expect(() => renderDecisionPdf({ ...issueDecision(0), revocation })).toThrow(RangeError);
    expect(() => renderDecisionPdf({ ...revokeDecision(), items: [HONEY_ITEM, HONEY_ITEM] })).toThrow(RangeError);
    expect(() => renderDecisionPdf({ ...revokeDecision(), revocation: undefined })).toThrow(RangeError);
  });

  it('ISSUE: marks the items scored against provisional criteria (*) and explains the mark in an article', async () => {
    const doc = issueDecision(2);
    const note = 'Kết quả đánh giá theo bộ tiêu chí tạm thời.';
    const { all } = await textOf(
      await renderDecisionPdf({
        ...doc,
        items: [{ ...doc.items[0]!, provisionalCriteria: true }, ...doc.items.slice(1)],
        provisionalNoteVi: note,
      }),
    );
    expect(all).toContain(`Các sản phẩm đánh dấu (*) trong danh sách: ${note}`);
    expect(all).toContain(`${doc.items[0]!.productName} (*)`);
    expect(all).not.toContain(`${doc.items[1]!.productName} (*)`);
  });
});
