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

/** The operator's message when a product leaves its shelf because the product's certificate ended. */
export function shelfProductWithdrawnMessage(m: {
  pointName: string;
  productName: string;
  producerName: string;
  certificateNumber: string;
  reason: 'CERTIFICATE_REVOKED' | 'CERTIFICATE_EXPIRED';
  at: Date;
}): { subjectVi: string; bodyVi: string } {
  const ended = m.reason === 'CERTIFICATE_REVOKED' ? 'bị thu hồi' : 'hết hiệu lực';
  return {
    subjectVi: `Sản phẩm rút khỏi quầy: ${m.pointName}`,
    bodyVi:
      `Giấy chứng nhận OCOP số ${m.certificateNumber} của sản phẩm “${m.productName}” (${m.producerName}) ${ended} ngày ${vietnamNumericDate(m.at)}. ` +
      `Sản phẩm không còn được trưng bày, giới thiệu là sản phẩm OCOP tại “${m.pointName}”; đề nghị đơn vị vận hành đưa sản phẩm ra khỏi quầy.`,
  };
}
