import { flat, pdfText } from '../../test/pdf-text';
import { renderTrainingCertificatePdf } from './render-training-certificate';

describe('renderTrainingCertificatePdf', () => {
  it('prints the completion certificate in Vietnamese on one page', async () => {
    const bytes = await renderTrainingCertificatePdf({
      number: '38-2024-000001/CN-ĐT',
      issuerVi: 'Sở Công Thương tỉnh Thanh Hóa',
      placeVi: 'Thanh Hóa',
      fullName: 'Trần Văn An',
      birthYear: 1995,
      fromVi: 'Hợp tác xã Nem chua Đông Sơn',
      courseTitle: 'Đào tạo nghề chế biến nem chua',
      classTitle: 'Lớp đào tạo nghề 2024',
      startsOn: '2024-07-15',
      endsOn: '2024-07-17',
      whereVi: 'tại Hội trường Sở Công Thương',
      daysAttended: 2,
      days: 3,
      verifyUrl: 'http://localhost:3000/verify-training/K7QF2M9XAB',
      verifyCode: 'K7QF2M9XAB',
      issuedAt: '2024-07-17T10:00:00.000Z',
    });
    const { pageCount, pages } = await pdfText(bytes);
    const all = flat(pages.join('\n'));
    expect(pageCount).toBe(1);
    for (const expected of [
      'SỞ CÔNG THƯƠNG TỈNH THANH HÓA',
      'GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA ĐÀO TẠO',
      'Số: 38-2024-000001/CN-ĐT',
      'Chứng nhận Ông/Bà: Trần Văn An',
      'Đã hoàn thành khóa đào tạo “Đào tạo nghề chế biến nem chua”, lớp “Lớp đào tạo nghề 2024”,',
      'từ ngày 15/07/2024 đến ngày 17/07/2024',
      'Số ngày tham dự: 2/3 ngày.',
      'Quét mã để kiểm tra: K7QF2M9XAB',
    ])
      expect(all).toContain(expected);
    expect(all).toBe(all.normalize('NFC'));
  });
});
