// What a programme report (báo cáo kết quả thực hiện Chương trình OCOP) prints, in its PDF and its XLSX. Strings ending
// in Vi are Vietnamese text shown as given; days are `YYYY-MM-DD`; instants are ISO strings printed in Vietnam time.

export interface ReportTargetLine {
  /** The unit the target is for: 'Huyện Thọ Xuân'. */
  unitVi: string;
  /** What it counts: '3 sao', 'Tỷ lệ làng nghề có sản phẩm OCOP (%)'. */
  labelVi: string;
  year: number;
  value: number;
  achieved: number;
  /** achieved / value in percent; null for a target of 0. */
  percent: number | null;
  /** The plan it belongs to: '1366/KH-UBND ngày 28/4/2023'. */
  planReference: string;
}

export interface ReportDocument {
  /** 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2024'. */
  titleVi: string;
  /** The governing body, printed upper case above the issuer ('' for none): 'UBND TỈNH THANH HÓA'. */
  authorityVi: string;
  /** The unit that reports: 'UBND huyện Thọ Xuân'. */
  issuerVi: string;
  /** Place of the date line: 'Thanh Hóa'. */
  placeVi: string;
  /** The report's number, if it has one. */
  reference: string | null;
  /** Whom it goes to, if anyone ('Nơi nhận'). */
  recipientVi: string | null;
  periodFrom: string;
  periodTo: string;
  /** When it was submitted (the date line, the files' dates) and the instant its figures were counted as of. */
  submittedAt: string;
  asOf: string;
  certificates: {
    /** Issued in the period at 3★, 4★, 5★. */
    issued: [number, number, number];
    firstCertifications: number;
    /** Valid at the end of the period at 3★, 4★, 5★. */
    valid: [number, number, number];
    revoked: number;
  };
  targets: ReportTargetLine[];
  rewards: { due: number; dueVnd: number; paid: number; paidVnd: number; stopped: number };
}

/** A whole number as Vietnamese writes it: 10.000.000. */
export const vietnameseNumber = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The targets summed per unit, in the order the units first appear: what the chart of progress draws. */
export function progressByUnit(targets: ReportTargetLine[]): { unitVi: string; value: number; achieved: number }[] {
  const byUnit = new Map<string, { unitVi: string; value: number; achieved: number }>();
  for (const t of targets) {
    const u = byUnit.get(t.unitVi) ?? { unitVi: t.unitVi, value: 0, achieved: 0 };
    u.value += t.value;
    u.achieved += t.achieved;
    byUnit.set(t.unitVi, u);
  }
  return [...byUnit.values()];
}

/** What a target of a kind counts, as a report's table names it. */
export function targetLabelVi(kind: string, stars: number | null, traditionalOnly = false): string {
  const star = stars === null ? 'từ 3 sao' : `${stars} sao`;
  switch (kind) {
    case 'CERTIFIED_PRODUCTS':
      return stars === null ? 'Từ 3 sao' : `${stars} sao`;
    case 'CERTIFIED_PRODUCTS_CUMULATIVE':
      return `Lũy kế công nhận mới, ${star}`;
    case 'CERTIFIED_PRODUCTS_TOTAL':
      return `Tổng số còn hiệu lực, ${star}`;
    case 'CRAFT_VILLAGE_SHARE':
      return traditionalOnly ? 'Tỷ lệ làng nghề truyền thống có sản phẩm OCOP (%)' : 'Tỷ lệ làng nghề có sản phẩm OCOP (%)';
    case 'FORWARDED_TO_MINISTRY':
      return 'Sản phẩm tiềm năng 5 sao đề nghị Trung ương đánh giá';
    case 'SALES_POINTS':
      return 'Điểm giới thiệu và bán sản phẩm OCOP';
    case 'CLASSES_HELD':
      return 'Lớp tập huấn đã tổ chức';
    case 'PEOPLE_TRAINED':
      return 'Người hoàn thành tập huấn';
    case 'OFFICIALS_TRAINED_SHARE':
      return 'Tỷ lệ cán bộ được tập huấn (%)';
    case 'MODERN_RETAIL_SHARE':
      return 'Tỷ lệ chủ thể OCOP có kênh phân phối hiện đại (%)';
    case 'RETAINED_SHARE':
      return 'Tỷ lệ sản phẩm giai đoạn trước duy trì được công nhận (%)';
    case 'GREEN_VALUE_CHAIN_SHARE':
      return 'Tỷ lệ chủ thể OCOP tham gia chuỗi giá trị xanh (%)';
    default:
      return kind;
  }
}
