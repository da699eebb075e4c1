import { certificate, VERIFY_URL } from '../../test/certificate.fixture';
import { flat, pdfOperators, pdfText } from '../../test/pdf-text';
import { renderCertificatePdf } from './render-certificate';

async function textOf(bytes: Buffer): Promise<{ pageCount: number; all: string }> {
  const { pageCount, pages } = await pdfText(bytes);
  return { pageCount, all: flat(pages.join('\n')) };
}

/** 200-character names of real words (cut mid-word at 200). */
const LONG_PRODUCT = 'Mật ong hoa nhãn rừng tự nhiên Thọ Xuân, thu hoạch vụ xuân, đóng chai thủy tinh; '.repeat(3).slice(0, 200);
const LONG_PRODUCER = 'Hợp tác xã Dịch vụ Nông nghiệp và Phát triển Nông thôn Đông Sơn, '.repeat(4).slice(0, 200);

describe('renderCertificatePdf', () => {
  // Rendered once: qrcode packs the PNG in plain JavaScript, which runs slowly under jest.
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await renderCertificatePdf(certificate());
  });

  it('prints the certificate in Vietnamese, diacritics included, on one page', async () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pageCount, all } = await textOf(bytes);
    expect(pageCount).toBe(1);
    for (const expected of [
      'UBND TỈNH THANH HÓA ỦY BAN NHÂN DÂN TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY CHỨNG NHẬN SẢN PHẨM OCOP ĐẠT 4 SAO Số: 38-2026-0001/GCN-OCOP',
      'Tên sản phẩm: Mật ong hoa nhãn Thọ Xuân Bộ sản phẩm: 01 Chủ thể: Hợp tác xã Nông nghiệp Đông Sơn',
      'Đã được đánh giá, phân hạng đạt 4 sao theo Bộ tiêu chí OCOP ở cấp tỉnh.',
      'Có giá trị từ ngày 01 tháng 02 năm 2026 đến ngày 31 tháng 01 năm 2029.',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Đỗ Minh Tuấn',
      'Quét mã để kiểm tra hiệu lực: K7QF-2M9X',
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).toBe(all.normalize('NFC'));
    expect(all).not.toMatch(/[\uFFFD\u0300-\u036F★]/);
  });

  it('dates the decision on the Vietnam calendar: 2026-01-31T17:30Z is 01/02/2026', async () => {
    const { all } = await textOf(bytes);
    expect(all).toContain('Thanh Hóa, ngày 01 tháng 02 năm 2026');
    expect(all).toContain('Theo Quyết định số 12/QĐ-UBND ngày 01/02/2026.');
    expect(all).not.toContain('31/01/2026');
  });

  it('draws the rank as that many star paths (Tinos has no ★ glyph) and embeds the QR code as a grayscale image', async () => {
    for (const stars of [3, 4, 5]) {
      const pdf = stars === 4 ? bytes : await renderCertificatePdf({ ...certificate(), stars });
      const [ops] = await pdfOperators(pdf);
      expect(ops?.['constructPath:fillStroke']).toBe(stars);
      expect(ops?.paintImageXObject).toBe(1);
      expect((await textOf(pdf)).all).toContain(`SẢN PHẨM OCOP ĐẠT ${stars} SAO`);
    }
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image\n\/BitsPerComponent 8\n\/Width 600\n\/Height 600\n/);
    expect(raw).toContain('/ColorSpace /DeviceGray');
    expect(raw).not.toContain('/SMask');
    // The 400-character link itself is only in the image, not in the text.
    expect(VERIFY_URL).toHaveLength(400);
    expect(raw).not.toContain('xac-thuc');
  });

  it('stays on one page with 200-character names, printed whole', async () => {
    expect([LONG_PRODUCT.length, LONG_PRODUCER.length]).toEqual([200, 200]);
    const doc = { ...certificate(), productName: LONG_PRODUCT, producerName: LONG_PRODUCER };
    const { pageCount, all } = await textOf(await renderCertificatePdf(doc));
    expect(pageCount).toBe(1);
    expect(all).toContain(`Tên sản phẩm: ${LONG_PRODUCT} Bộ sản phẩm: 01 Chủ thể: ${LONG_PRODUCER} Đã được đánh giá`);
    expect(all).toContain('Quét mã để kiểm tra hiệu lực: K7QF-2M9X');
  });

  it('shrinks the body text to keep far longer names on one page, and refuses what cannot fit', async () => {
    const long = (n: number): string =>
      'Mật ong hoa nhãn '
        .repeat(Math.ceil(n / 17))
        .slice(0, n)
        .trim();
    const fitted = await textOf(await renderCertificatePdf({ ...certificate(), productName: long(1000), producerName: long(1000) }));
    expect(fitted.pageCount).toBe(1);
    expect(fitted.all).toContain('Có giá trị từ ngày 01 tháng 02 năm 2026');
    await expect(renderCertificatePdf({ ...certificate(), productName: long(3000) })).rejects.toThrow(RangeError);
  });

  it('gives the same bytes for the same input, dated by issuedAt', async () => {
    const second = await renderCertificatePdf(certificate());
    expect(second.equals(bytes)).toBe(true);
    const raw = bytes.toString('latin1');
    for (const key of ['CreationDate', 'ModDate']) {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
      expect(raw).toContain(`\n${ref} 0 obj\n(D:20260131174500Z)`);
    }
  });

  it('prints decomposed (NFD) input as precomposed letters, and leaves the space when the signer is not named yet', async () => {
    const doc = { ...certificate(), productName: 'Mật ong hoa nhãn Thọ Xuân'.normalize('NFD'), signerName: null };
    const { all } = await textOf(await renderCertificatePdf(doc));
    expect(all).toContain('Tên sản phẩm: Mật ong hoa nhãn Thọ Xuân Bộ sản phẩm');
    expect(all).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Quét mã');
  });

  it('refuses a rank outside 3 to 5 stars', async () => {
    for (const stars of [0, 2, 6, 3.5]) await expect(renderCertificatePdf({ ...certificate(), stars })).rejects.toThrow(RangeError);
  });

  it('says so when the result was scored against provisional criteria, still on one page even with long names', async () => {
    const note = 'Kết quả đánh giá theo bộ tiêu chí tạm thời; giấy chứng nhận được cấp theo cho phép của cơ quan vận hành.';
    const { pageCount, all } = await textOf(
      await renderCertificatePdf({ ...certificate(), productName: LONG_PRODUCT, producerName: LONG_PRODUCER, provisionalNoteVi: note }),
    );
    expect(pageCount).toBe(1);
    expect(all).toContain(note);
    expect((await textOf(bytes)).all).not.toContain('tạm thời');
  });
});
