import type { MinutesDocument, MinutesResult } from '../src';

// A provincial council session with the strings the tests look for, and a generator of many
// results for the pagination and size checks.

export const HONEY: MinutesResult = {
  order: 1,
  dossierCode: 'HS-2026-000123',
  productName: 'Mật ong hoa nhãn Thọ Xuân',
  producerName: 'Hợp tác xã Nông nghiệp Đông Sơn',
  productSetCode: '01',
  sheetCount: 6,
  mean: '86.40',
  band: 4,
  rank: 3,
  capReasonsVi: ['Tiêu chí 1.2 "Liên kết chuỗi" là tiêu chí bắt buộc của mức 4 sao: yêu cầu 2,00 điểm, trung bình đạt 1,40 điểm'],
  decisionVi: 'Đề nghị công nhận 3 sao',
  excludedMembers: ['Lê Văn Hưởng'],
};

export const TEA: MinutesResult = {
  order: 2,
  dossierCode: 'HS-2026-000124',
  productName: 'Chè búp Như Xuân',
  producerName: 'Công ty TNHH Chè Ngọc Lặc',
  productSetCode: '04',
  sheetCount: 7,
  mean: '91.25',
  band: 5,
  rank: 5,
  capReasonsVi: [],
  decisionVi: 'Đề nghị Trung ương công nhận 5 sao',
  excludedMembers: [],
};

const PRODUCTS = [
  'Nem chua Thanh Hóa',
  'Nước mắm Ba Làng',
  'Bánh gai Tứ Trụ',
  'Chiếu cói Nga Sơn',
  'Rượu làng Quảng Xương',
  'Mắm tôm Hậu Lộc',
];
const PRODUCERS = ['Hợp tác xã Dịch vụ Tổng hợp Quảng Phú', 'Cơ sở sản xuất Ngọc Ánh', 'Công ty Cổ phần Đặc sản Xứ Thanh'];

/** `count` results after the two named ones; codes HS-2026-000001 upwards. */
export function manyResults(count: number): MinutesResult[] {
  return Array.from({ length: count }, (_, i): MinutesResult => {
    const mean = 50 + ((i * 37) % 5000) / 100;
    const band = mean >= 90 ? 5 : mean >= 70 ? 4 : 3;
    return {
      order: i + 3,
      dossierCode: `HS-2026-${String(i + 1).padStart(6, '0')}`,
      productName: `${PRODUCTS[i % PRODUCTS.length]} loại ${(i % 3) + 1}`,
      producerName: PRODUCERS[i % PRODUCERS.length] as string,
      productSetCode: String((i % 26) + 1).padStart(2, '0'),
      sheetCount: 7,
      mean: mean.toFixed(2),
      band,
      rank: band,
      capReasonsVi: [],
      decisionVi: `Đề nghị công nhận ${band} sao`,
      excludedMembers: [],
    };
  });
}

export function minutes(extraResults = 0): MinutesDocument {
  return {
    reference: 'BB-38-2026-0001',
    councilNameVi: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh',
    authorityVi: 'UBND TỈNH THANH HÓA',
    placeVi: 'Thanh Hóa',
    sessionTitle: 'Phiên họp đánh giá đợt 2 năm 2026',
    location: 'Hội trường UBND tỉnh, số 35 Đại lộ Lê Lợi, phường Hạc Thành',
    openedAt: '2026-11-23T01:00:00Z',
    closedAt: '2026-11-23T18:30:00Z',
    legalBasisVi: [
      'Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm',
      'Quyết định số 1234/QĐ-UBND ngày 02/03/2026 của Ủy ban nhân dân tỉnh Thanh Hóa về việc thành lập Hội đồng',
    ],
    catalogueVi: 'Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (148/QĐ-TTg), phiên bản 2',
    quorum: { required: 5, present: 7 },
    members: [
      { fullName: 'Nguyễn Thị Ngọc Ánh', agency: 'Sở Nông nghiệp và Môi trường', roleVi: 'Chủ tịch Hội đồng', present: true },
      { fullName: 'Lê Văn Hưởng', agency: 'Sở Công Thương', roleVi: 'Thành viên', present: true },
      { fullName: 'Trịnh Thị Thu Hằng', agency: 'Sở Y tế', roleVi: 'Thành viên', present: true },
      { fullName: 'Phạm Đức Lượng', agency: 'Sở Khoa học và Công nghệ', roleVi: 'Thành viên', present: true },
      { fullName: 'Hoàng Minh Đức', agency: 'Sở Văn hóa, Thể thao và Du lịch', roleVi: 'Thành viên', present: true },
      { fullName: 'Đỗ Quỳnh Như', agency: 'Liên minh Hợp tác xã tỉnh', roleVi: 'Thành viên', present: false },
      { fullName: 'Vũ Ngọc Ỷ', agency: 'Hội Nông dân tỉnh', roleVi: 'Thành viên', present: true },
      { fullName: 'Bùi Thị Mỹ Dung', agency: 'Văn phòng Điều phối nông thôn mới tỉnh', roleVi: 'Thư ký', present: true },
    ],
    results: [HONEY, TEA, ...manyResults(extraResults)],
    deferred: [
      {
        dossierCode: 'HS-2026-000901',
        productName: 'Gạo nếp cái hoa vàng Thiệu Hóa',
        reasonVi: 'Chưa có phiếu kết quả kiểm nghiệm sản phẩm',
      },
    ],
    chairName: 'Nguyễn Thị Ngọc Ánh',
    secretaryName: 'Bùi Thị Mỹ Dung',
  };
}
