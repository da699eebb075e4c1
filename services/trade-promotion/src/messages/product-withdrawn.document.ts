import { vietnamNumericDate } from '@ocop/documents';

/** The organiser's message when a product leaves its event because the product's certificate ended. */
export function productWithdrawnMessage(m: {
  eventTitle: string;
  eventStartsAt: Date;
  products: { productName: string; producerName: string; certificateNumber: string }[];
  reason: 'CERTIFICATE_REVOKED' | 'CERTIFICATE_EXPIRED';
  at: Date;
}): { subjectVi: string; bodyVi: string } {
  const ended = m.reason === 'CERTIFICATE_REVOKED' ? 'bị thu hồi' : 'hết hiệu lực';
  const lines = m.products.map(
    (p) =>
      `- Sản phẩm “${p.productName}” của ${p.producerName} (Giấy chứng nhận số ${p.certificateNumber} ${ended} ngày ${vietnamNumericDate(m.at)}).`,
  );
  return {
    subjectVi: `Sản phẩm rút khỏi sự kiện “${m.eventTitle}”`,
    bodyVi: [
      `Sự kiện “${m.eventTitle}” diễn ra ngày ${vietnamNumericDate(m.eventStartsAt)} không còn trưng bày các sản phẩm sau:`,
      ...lines,
      'Chủ thể không còn sản phẩm nào tham gia đã được rút khỏi sự kiện; suất tham gia được chuyển cho chủ thể đầu tiên trong danh sách chờ (nếu có).',
    ].join('\n'),
  };
}
