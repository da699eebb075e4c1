import { vietnamNumericDate } from '@ocop/documents';

/** The operator's reminder that a supported sales point's operating obligation is coming to its end. */
export function obligationReminderMessage(m: { pointName: string; daysLeft: number; endsOn: string; supportReceivedOn: string }): {
  subjectVi: string;
  bodyVi: string;
} {
  const ends = vietnamNumericDate(`${m.endsOn}T00:00:00+07:00`);
  return {
    subjectVi: `Nhắc thời hạn duy trì hoạt động: ${m.pointName}`,
    bodyVi:
      `Điểm giới thiệu và bán sản phẩm OCOP “${m.pointName}” nhận hỗ trợ ngày ${vietnamNumericDate(`${m.supportReceivedOn}T00:00:00+07:00`)} ` +
      `có nghĩa vụ duy trì hoạt động đến ngày ${ends} (còn ${m.daysLeft} ngày). ` +
      'Đề nghị đơn vị vận hành tiếp tục duy trì hoạt động và báo cáo tình hình về cơ quan quản lý.',
  };
}
